/**
 * Conversions between what a person types and what Exist stores, both ways: plain numbers,
 * durations (whole minutes), times of day (minutes from midnight or midday) and percentages
 * (fractions). Pure, so the browser form and the server agree.
 */
import { MINUTES_PER_DAY, VALUE_TYPE } from "./value-types";

/** `value` rounded to `decimals` places, without float noise (0.1 + 0.2 → 0.3) or -0. */
export function roundTo(value: number, decimals: number): number {
  const rounded = Number(value.toFixed(decimals));
  return rounded === 0 ? 0 : rounded;
}

export type TypedNumber = { value: number; decimals: number };

const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.(\d*))?|\.(\d+))$/;

/**
 * A number as a person types it, in plain notation ("72.5", "-3", ".5"), with how many decimal
 * places they gave; null for anything else ("1e3", "1,000", "", "12 kg").
 */
export function parseTypedNumber(text: string): TypedNumber | null {
  const match = PLAIN_NUMBER.exec(text.trim());
  if (!match) return null;
  const fraction = match[1] ?? match[2] ?? "";
  return { value: Number(text.trim()), decimals: fraction.length };
}

/** A number for an input field: plain notation, no thousands separators, at most `decimals`. */
export function numberText(value: number, decimals: number): string {
  return String(roundTo(value, decimals));
}

/** Whole minutes as hours and minutes: 452 → 7 h 32 min. */
export function durationParts(total: number): { hours: number; minutes: number } {
  const whole = Math.max(0, Math.round(total));
  return { hours: Math.floor(whole / 60), minutes: whole % 60 };
}

export function durationMinutes(hours: number, minutes: number): number {
  return hours * 60 + minutes;
}

const CLOCK = /^(\d{1,2}):(\d{2})$/;

/** "23:15" as hours and minutes, unchecked; null when it is not of the form H:MM or HH:MM. */
export function parseClock(text: string): { hours: number; minutes: number } | null {
  const match = CLOCK.exec(text.trim());
  if (!match) return null;
  return { hours: Number(match[1]), minutes: Number(match[2]) };
}

/** Minutes after midnight as "HH:MM", wrapping at a day (1440 → "00:00", -15 → "23:45"). */
export function clockText(minutesFromMidnight: number): string {
  const since = wrapDay(Math.round(minutesFromMidnight));
  const hours = String(Math.floor(since / 60)).padStart(2, "0");
  return `${hours}:${String(since % 60).padStart(2, "0")}`;
}

function wrapDay(minutes: number): number {
  return ((minutes % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
}

const HALF_DAY = MINUTES_PER_DAY / 2;

/**
 * A time of day (minutes after midnight) as Exist stores it for the value type: type 4 keeps
 * minutes from midnight; type 6 counts from midday, so a bedtime of 22:00 is 600 and 01:30
 * (after midnight) is 810. Both lie in 0–1439.
 */
export function storedTimeOfDay(minutesFromMidnight: number, valueType: number): number {
  const since = wrapDay(minutesFromMidnight);
  return valueType === VALUE_TYPE.timeFromMidday ? wrapDay(since - HALF_DAY) : since;
}

/** The inverse of storedTimeOfDay: minutes after midnight, 0–1439. */
export function timeOfDayFromStored(stored: number, valueType: number): number {
  const shift = valueType === VALUE_TYPE.timeFromMidday ? HALF_DAY : 0;
  return wrapDay(Math.round(stored) + shift);
}

/** A percentage typed with `decimals` places (24.22) as Exist's fraction (0.2422). */
export function percentToFraction(percent: number, decimals: number): number {
  return roundTo(percent / 100, decimals + 2);
}

/** Exist's fraction (0.2422) as a percentage rounded to `decimals` places (24.22). */
export function fractionToPercent(fraction: number, decimals: number): number {
  return roundTo(fraction * 100, decimals);
}
