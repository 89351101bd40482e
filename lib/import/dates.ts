/**
 * Dates as files write them: year-month-day (ISO, as Daylio and Loop Habit Tracker export),
 * day/month/year and month/day/year, with `-`, `/` or `.` between, and possibly a time after.
 * 03/04/2026 reads as 3 April or March 4: possibleDateFormats says which readings every date of
 * a column allows, so the page can ask when both do. Exist's days are the person's own local
 * days: a date is taken as written, and only a time with an offset (`Z`, `+02:00`) is an instant
 * that is turned into the person's day in their Exist time zone.
 */
import { isCalendarDate, todayIn } from "@/lib/values/dates";

export const DATE_FORMATS = ["iso", "dmy", "mdy"] as const;

export type DateFormat = (typeof DATE_FORMATS)[number];

export const DATE_FORMAT_LABELS: Record<DateFormat, string> = {
  iso: "Year-month-day (2026-03-31)",
  dmy: "Day/month/year (31/03/2026)",
  mdy: "Month/day/year (03/31/2026)",
};

const YEAR_FIRST = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const YEAR_LAST = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/;
const SPLIT = /^([\d./-]+)(?:(?:T|,?\s+)(.+))?$/i;
const TIME =
  /^(\d{1,2})(?::(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(?:([ap])\.?m\.?)?\s*(z|utc|gmt|[+-]\d{2}(?::?\d{2})?)?$/i;

type Time = { hours: number; minutes: number; seconds: number; offset: number | null };

/** A date cell cut into its parts, unchecked: which fields a format reads is decided later. */
type Shape = {
  yearFirst: boolean;
  year: number;
  /** Year-first: month, day. Year-last: the first and second fields, as written. */
  first: number;
  second: number;
  time: Time | null;
};

function offsetMinutes(zone: string | undefined): number | null {
  if (!zone) return null;
  if (/^(z|utc|gmt)$/i.test(zone)) return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
}

function timeOf(text: string): Time | undefined {
  const match = TIME.exec(text.trim());
  if (!match) return undefined;
  let hours = Number(match[1]);
  const meridiem = match[4]?.toLowerCase();
  // "7" alone is no time; "7am" and "07:00" are.
  if (match[2] === undefined && !meridiem) return undefined;
  if (meridiem && (hours < 1 || hours > 12)) return undefined;
  if (meridiem) hours = (hours % 12) + (meridiem === "p" ? 12 : 0);
  const [minutes, seconds] = [Number(match[2] ?? 0), Number(match[3] ?? 0)];
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  return { hours, minutes, seconds, offset: offsetMinutes(match[5]) };
}

function shapeOf(cell: string): Shape | null {
  const split = SPLIT.exec(cell.trim());
  if (!split) return null;
  const time = split[2] === undefined ? null : timeOf(split[2]);
  if (time === undefined) return null;
  const iso = YEAR_FIRST.exec(split[1] as string);
  if (iso) {
    return { yearFirst: true, year: +iso[1]!, first: +iso[3]!, second: +iso[4]!, time };
  }
  const numeric = YEAR_LAST.exec(split[1] as string);
  if (!numeric) return null;
  return { yearFirst: false, year: +numeric[4]!, first: +numeric[1]!, second: +numeric[3]!, time };
}

/** Whether the cell is written as a date in one of the formats (the calendar not checked). */
export function looksLikeDate(cell: string): boolean {
  return shapeOf(cell) !== null;
}

const inRange = (value: number, max: number) => value >= 1 && value <= max;

/**
 * The formats under which every date-like cell has a month of 1–12 and a day of 1–31: ["iso"]
 * when all are year-first; otherwise "dmy", "mdy", both (ask the person) or neither. Year-first
 * cells read the same under every format; cells that are not dates at all are left to be
 * reported by row, as is a day off the calendar (2026-02-31).
 */
export function possibleDateFormats(cells: Iterable<string>): DateFormat[] {
  let dateLike = false;
  let yearLast = false;
  let dmy = true;
  let mdy = true;
  for (const cell of cells) {
    const shape = shapeOf(cell);
    if (!shape) continue;
    dateLike = true;
    if (shape.yearFirst) continue;
    yearLast = true;
    if (!inRange(shape.first, 31) || !inRange(shape.second, 12)) dmy = false;
    if (!inRange(shape.first, 12) || !inRange(shape.second, 31)) mdy = false;
  }
  if (!dateLike) return [];
  if (!yearLast) return ["iso"];
  return DATE_FORMATS.filter((format) => (format === "dmy" ? dmy : format === "mdy" && mdy));
}

/**
 * The time of day written after a cell's date, in seconds, to order a day's several rows; a
 * time with an offset counts in UTC, so that instants compare as instants. Null without a time.
 */
export function cellTime(cell: string): number | null {
  const time = shapeOf(cell)?.time;
  if (!time) return null;
  return time.hours * 3600 + time.minutes * 60 + time.seconds - (time.offset ?? 0) * 60;
}

export type ParsedDate = { ok: true; date: string } | { ok: false; error: string };

const pad = (value: number, length = 2) => String(value).padStart(length, "0");

const EXAMPLE: Record<DateFormat, string> = {
  iso: "YYYY-MM-DD",
  dmy: "DD/MM/YYYY",
  mdy: "MM/DD/YYYY",
};

/** The day an instant falls on in `timezone`. */
function localDay(date: string, time: Time, timezone: string): string {
  const utc =
    Date.parse(`${date}T${pad(time.hours)}:${pad(time.minutes)}:${pad(time.seconds)}Z`) -
    (time.offset ?? 0) * 60_000;
  return todayIn(timezone, new Date(utc));
}

/**
 * The cell as the person's day, `YYYY-MM-DD`, read in `format`; or why it is not a day. With a
 * `timezone`, a time that carries an offset is moved to the person's day there.
 */
export function parseDateCell(cell: string, format: DateFormat, timezone?: string): ParsedDate {
  const text = cell.trim();
  const shape = shapeOf(text);
  if (!shape || (!shape.yearFirst && format === "iso")) {
    return { ok: false, error: `"${text}" is not a date written as ${EXAMPLE[format]}` };
  }
  const [month, day] =
    shape.yearFirst || format === "mdy" ? [shape.first, shape.second] : [shape.second, shape.first];
  const date = `${pad(shape.year, 4)}-${pad(month)}-${pad(day)}`;
  if (!isCalendarDate(date)) return { ok: false, error: `${text} is not a date on the calendar` };
  if (shape.time?.offset != null && timezone) {
    return { ok: true, date: localDay(date, shape.time, timezone) };
  }
  return { ok: true, date };
}
