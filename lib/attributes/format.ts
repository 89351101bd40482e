/**
 * Attribute values as a person reads them, by value type
 * (https://developer.exist.io/reference/object_types/#attribute-value-types). Exist stores and
 * returns metric units; the profile's `imperial_*` flags say which to show in imperial units.
 * Pure functions, one fixed locale, so the same value reads the same everywhere.
 */
import type { Units, Value } from "@/lib/api/contract";
import { clockText, timeOfDayFromStored } from "@/lib/values/convert";
import { PLAIN_DECIMALS, shownMeasure, toShown, unitOf } from "@/lib/values/units";
import { VALUE_TYPE } from "@/lib/values/value-types";

const LOCALE = "en-GB";

export const METRIC: Units = {
  distance: false,
  weight: false,
  energy: false,
  liquid: false,
  temperature: false,
};

/** Decimals that suit the size of a number: 12,345 · 123 · 72.4 · 3.25. */
function sensibleDigits(value: number): number {
  const size = Math.abs(value);
  if (size >= 100) return 0;
  if (size >= 10) return 1;
  return 2;
}

// One formatter per number of digits: making one is far slower than using it.
const formatters = new Map<number, Intl.NumberFormat>();

export function formatNumber(value: number, digits = sensibleDigits(value)): string {
  let formatter = formatters.get(digits);
  if (!formatter) {
    // "negative": a value that rounds to 0 (-0.0000001 °C in °F) reads "0", not "-0".
    formatter = new Intl.NumberFormat(LOCALE, {
      maximumFractionDigits: digits,
      signDisplay: "negative",
    });
    formatters.set(digits, formatter);
  }
  return formatter.format(value);
}

/** "7 h 32 min", "45 min", "2 h". */
export function formatDuration(minutes: number): string {
  const total = Math.round(minutes);
  const sign = total < 0 ? "-" : "";
  const hours = Math.floor(Math.abs(total) / 60);
  const rest = Math.abs(total) % 60;
  if (hours === 0) return `${sign}${rest} min`;
  return rest === 0 ? `${sign}${hours} h` : `${sign}${hours} h ${rest} min`;
}

/** "23:15" from minutes after midnight (type 4) or, with `fromMidday`, after midday (type 6). */
export function formatTimeOfDay(minutes: number, fromMidday = false): string {
  const type = fromMidday ? VALUE_TYPE.timeFromMidday : VALUE_TYPE.timeFromMidnight;
  return clockText(timeOfDayFromStored(minutes, type));
}

/**
 * Never fewer decimals than a person may enter in the unit shown, so a value logged here reads
 * back as entered (165.5 lb stays 165.5 lb, not 166); more for small numbers (8.05 km). An integer
 * is exact to one of its own unit: shown in another (ml as fl oz), it gets that unit's decimals and
 * no more, which would only show the rounding to whole ml (8 fl oz, not 8.01).
 */
function digitsFor(shown: number, decimals: number, integer: boolean, converted: boolean) {
  if (!integer) return Math.max(sensibleDigits(shown), decimals);
  return converted ? decimals : 0;
}

function withUnit(value: number, name: string, units: Units, integer: boolean): string {
  const unit = unitOf(name);
  const measure = unit ? shownMeasure(unit, units) : { label: null, decimals: PLAIN_DECIMALS };
  const shown = unit ? toShown(value, unit, units) : value;
  const converted = unit !== null && measure !== unit.metric;
  const number = formatNumber(shown, digitsFor(shown, measure.decimals, integer, converted));
  return measure.label ? `${number} ${measure.label}` : number;
}

/** Percentages show the two decimals a person may enter (24.22 %). */
const PERCENT_DIGITS = 2;

/**
 * A value as the row shows it. `name` is the attribute's template (or name): it tells the unit.
 * A value of an unexpected kind (a string for a number type) is shown as it came.
 */
export function formatValue(value: Value, valueType: number, name: string, units: Units): string {
  if (typeof value === "string") return value;
  switch (valueType) {
    case 0:
      return withUnit(value, name, units, true);
    case 1:
      return withUnit(value, name, units, false);
    case 3:
      return formatDuration(value);
    case 4:
      return formatTimeOfDay(value);
    case 5:
      return `${formatNumber(value * 100, PERCENT_DIGITS)} %`;
    case 6:
      return formatTimeOfDay(value, true);
    case 7:
      return value ? "Yes" : "No";
    case 8:
      return `${formatNumber(value, 0)} / 9`;
    default:
      return formatNumber(value);
  }
}

/** Long strings shortened to `max` characters with "…"; `full` keeps the whole text. */
export function shorten(text: string, max = 40): { short: string; full: string } {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return { short: clean, full: clean };
  return { short: `${clean.slice(0, max - 1).trimEnd()}…`, full: clean };
}

/** Value types drawn as a sparkline: numbers that rise and fall (not strings or yes/no). */
export function isNumericType(valueType: number): boolean {
  return [0, 1, 3, 4, 5, 6, 8].includes(valueType);
}
