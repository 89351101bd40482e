/**
 * The preview's comparison of the file with Exist: per planned value, new (the day is empty in
 * Exist), replace (Exist holds another value) or unchanged; per day the file leaves empty while
 * Exist holds a value, cannot-empty (Exist never sets a value back to empty:
 * https://developer.exist.io/reference/writing_data/). Pure, for tests.
 */
import type { ReplacedSample, Value } from "@/lib/api/contract";

export type Planned = {
  days: readonly string[];
  values: readonly Value[];
  emptyDays: readonly string[];
};

export type ValueFate = "new" | "replace" | "unchanged";

export type Classified = {
  new: number;
  replace: number;
  unchanged: number;
  cannotEmpty: number;
  replaceSample: ReplacedSample[];
  /** Per planned value, in order: its fate, and Exist's value before (null: none). */
  fates: ValueFate[];
  before: Array<Value | null>;
};

const SAMPLE_SIZE = 5;

/** Exist's booleans come back as 1/0 (and sometimes true/false): compare them as numbers. */
export function storedForm(value: Value | boolean | null | undefined): Value | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

/** The same stored value: numbers within float noise (72.4 sent, 72.40000000001 read back). */
export function sameValue(a: Value, b: Value): boolean {
  if (typeof a === "number" && typeof b === "number") {
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  }
  return a === b;
}

export function classify(planned: Planned, current: ReadonlyMap<string, Value>): Classified {
  const result: Classified = {
    new: 0,
    replace: 0,
    unchanged: 0,
    cannotEmpty: 0,
    replaceSample: [],
    fates: [],
    before: [],
  };
  planned.days.forEach((date, index) => {
    const after = planned.values[index] as Value;
    const before = current.get(date) ?? null;
    result.before.push(before);
    if (before === null) {
      result.new += 1;
      result.fates.push("new");
    } else if (sameValue(before, after)) {
      result.unchanged += 1;
      result.fates.push("unchanged");
    } else {
      result.replace += 1;
      result.fates.push("replace");
      if (result.replaceSample.length < SAMPLE_SIZE) {
        result.replaceSample.push({ date, before, after });
      }
    }
  });
  for (const date of planned.emptyDays) if (current.has(date)) result.cannotEmpty += 1;
  return result;
}

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** with-values/ gives at most 31 days an attribute a call, 100 attributes a page. */
export const WINDOW_DAYS = 31;
export const PAGE_SIZE = 100;

export type Window = { dateMax: string; days: number };

/**
 * The 31-day windows that cover `days` (any order), newest first: each ends on the newest day
 * not yet covered, so a window is never spent on a stretch the file has no day in.
 */
export function windowsFor(days: Iterable<string>): Window[] {
  const numbers = [...new Set([...days].map(dayNumber))].sort((a, b) => b - a);
  const windows: Window[] = [];
  let coveredFrom = Number.POSITIVE_INFINITY;
  for (const day of numbers) {
    if (day >= coveredFrom) continue;
    windows.push({ dateMax: dateOf(day), days: WINDOW_DAYS });
    coveredFrom = day - WINDOW_DAYS + 1;
  }
  return windows;
}

export type ReadPlan =
  { method: "with-values"; calls: number; windows: Window[] } | { method: "values"; calls: number };

/**
 * The fewer calls of the two ways to read Exist's values for the days wanted: with-values/ in
 * 31-day windows (each window one call per 100 attributes), or values/ per attribute, 100
 * values a page from its newest day back to its oldest (at most one value a day, so this counts
 * the most pages it can take; days without data make it fewer).
 */
export function planRead(wanted: ReadonlyMap<string, readonly string[]>): ReadPlan {
  const names = [...wanted.keys()];
  if (names.length === 0) return { method: "with-values", calls: 0, windows: [] };
  const all = new Set<string>();
  for (const days of wanted.values()) for (const date of days) all.add(date);
  const windows = windowsFor(all);
  const withValues = windows.length * Math.ceil(names.length / PAGE_SIZE);
  let values = 0;
  for (const days of wanted.values()) {
    if (days.length === 0) continue;
    let [oldest, newest] = [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
    for (const date of days) {
      const day = dayNumber(date);
      oldest = Math.min(oldest, day);
      newest = Math.max(newest, day);
    }
    const span = newest - oldest + 1;
    values += Math.ceil(span / PAGE_SIZE);
  }
  return values < withValues
    ? { method: "values", calls: values }
    : { method: "with-values", calls: withValues, windows };
}
