/**
 * What a person typed, checked and turned into the value Exist stores. A value that does not fit
 * is refused with the reason, never clamped or rounded into something else: the person fixes it.
 */
import { durationMinutes, parseClock, parseTypedNumber, roundTo, storedTimeOfDay } from "./convert";
import { textIssue, type AttributeKey, type WriteMode } from "./rules";
import { MAX_NUMBER, MINUTES_PER_DAY } from "./value-types";

export type StoredValue = number | string;

/** `part` names the input of a duration that is wrong, so the form can mark it. */
export type Parsed =
  { ok: true; value: StoredValue } | { ok: false; error: string; part?: "hours" | "minutes" };

export type DurationEntry = { hours: string; minutes: string };

const ok = (value: StoredValue): Parsed => ({ ok: true, value });
const fail = (error: string, part?: "hours" | "minutes"): Parsed =>
  part ? { ok: false, error, part } : { ok: false, error };

/** How a number typed in the person's units becomes a stored one. */
export type NumberRules = {
  label: string;
  /** Decimal places a person may type (0: whole numbers only). */
  decimals: number;
  /** Bounds in the person's units. */
  min?: number;
  max?: number;
  /** Said when a bound is crossed; else "<label> can't be negative" / "... below <min>". */
  rangeMessage?: string;
  /** To Exist's units, then rounded to `storedDecimals` (0 for an integer value type). */
  toStored: (typed: number) => number;
  storedDecimals: number;
};

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

function notANumber(text: string, whole: boolean): string {
  if (/\d,\d/.test(text)) return "Use a point for decimals, and no thousands separators";
  return whole ? "Enter a whole number" : "Enter a number";
}

function boundIssue(value: number, rules: NumberRules, mode: WriteMode): string | null {
  if (mode === "increment" && value <= 0) return "Enter an amount above 0";
  const { min, max, rangeMessage } = rules;
  if (mode === "update" && min !== undefined && value < min) {
    return rangeMessage ?? `${rules.label} can't be ${min === 0 ? "negative" : `below ${min}`}`;
  }
  if (max !== undefined && value > max) return rangeMessage ?? `${rules.label} is at most ${max}`;
  return null;
}

export function parseNumberEntry(text: string, rules: NumberRules, mode: WriteMode): Parsed {
  const whole = rules.decimals === 0;
  const typed = parseTypedNumber(text);
  if (!typed) return fail(notANumber(text, whole));
  if (typed.decimals > rules.decimals) {
    return fail(
      whole ? "Enter a whole number" : `Enter at most ${plural(rules.decimals, "decimal place")}`,
    );
  }
  const bound = boundIssue(typed.value, rules, mode);
  if (bound) return fail(bound);
  const stored = roundTo(rules.toStored(typed.value), rules.storedDecimals);
  if (Math.abs(stored) > MAX_NUMBER) return fail("That number is too large");
  return ok(stored);
}

const WHOLE = /^\d+$/;

function wholeNumber(text: string): number | null {
  return WHOLE.test(text) ? Number(text) : null;
}

/** Hours and minutes (either may be left empty) as whole minutes, at most a day. */
export function parseDurationEntry(entered: DurationEntry, mode: WriteMode): Parsed {
  const [hoursText, minutesText] = [entered.hours.trim(), entered.minutes.trim()];
  if (!hoursText && !minutesText) return fail("Enter hours, minutes or both", "hours");
  const hours = hoursText ? wholeNumber(hoursText) : 0;
  if (hours === null) return fail("Hours must be a whole number", "hours");
  const minutes = minutesText ? wholeNumber(minutesText) : 0;
  if (minutes === null || minutes > 59) return fail("Minutes must be 0–59", "minutes");
  const total = durationMinutes(hours, minutes);
  if (total > MINUTES_PER_DAY) return fail("A day has at most 24 hours", "hours");
  if (mode === "increment" && total === 0) return fail("Enter a duration above 0", "hours");
  return ok(total);
}

/** "HH:MM" on the 24-hour clock (as the time field takes it) as the value type stores it. */
export function parseTimeEntry(text: string, valueType: number): Parsed {
  const clock = parseClock(text);
  if (!clock) return fail("Enter a time as HH:MM");
  if (clock.hours > 23) return fail("Hours must be 0–23");
  if (clock.minutes > 59) return fail("Minutes must be 0–59");
  return ok(storedTimeOfDay(clock.hours * 60 + clock.minutes, valueType));
}

/** Yes or No (null: neither chosen) as Exist's 1 or 0. */
export function parseBooleanEntry(entered: boolean | null): Parsed {
  return entered === null ? fail("Choose Yes or No") : ok(entered ? 1 : 0);
}

/** Text is stored as typed. */
export function parseTextEntry(text: string, attribute: AttributeKey): Parsed {
  const issue = textIssue(text, attribute);
  return issue ? fail(issue) : ok(text);
}
