/**
 * Dates of values, local to the user: Exist's dates are days in the user's time zone
 * (docs/exist.md), so "today" is their local date, not the browser's.
 */

/** An attribute with no value in this many days is "not getting data". */
export const STALLED_AFTER_DAYS = 3;

// A formatter costs ICU tens of microseconds to make: one per time zone, kept (a person has one;
// a server holds a few hundred at most).
const dayFormats = new Map<string, Intl.DateTimeFormat | null>();

function dayFormat(timezone: string): Intl.DateTimeFormat | null {
  let format = dayFormats.get(timezone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat("en-CA", { timeZone: timezone });
    } catch {
      format = null; // not a time zone ICU knows
    }
    dayFormats.set(timezone, format);
  }
  return format;
}

/** `yyyy-mm-dd` of `now` in `timezone` (UTC when the zone is unknown). */
export function todayIn(timezone: string, now: Date = new Date()): string {
  return dayFormat(timezone)?.format(now) ?? now.toISOString().slice(0, 10);
}

/** Whole days from `date` to `today` (both yyyy-mm-dd); negative for a date after today. */
export function daysBetween(date: string, today: string): number {
  return Math.round(
    (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`)) / 86_400_000,
  );
}

/** "today", "yesterday", "3 days ago"; a future date (another time zone) reads as a date. */
export function relativeDay(date: string, today: string): string {
  const days = daysBetween(date, today);
  if (days === 0) return "today";
  if (days === 1) return "yesterday";
  if (days > 1) return `${days} days ago`;
  return shortDate(date);
}

const SHORT_DATE = new Intl.DateTimeFormat("en-GB", {
  weekday: "short",
  day: "numeric",
  month: "short",
  timeZone: "UTC",
});

/** "Mon 30 Nov". */
export function shortDate(date: string): string {
  return SHORT_DATE.format(new Date(`${date}T00:00:00Z`));
}

/**
 * Days since the latest value when an active attribute has had none for STALLED_AFTER_DAYS days
 * or more; null when it is getting data. `latest` null means no value in the whole window.
 */
export function stalledDays(
  latest: { date: string } | null,
  today: string,
  windowDays: number,
): number | null {
  if (!latest) return windowDays;
  const days = daysBetween(latest.date, today);
  return days >= STALLED_AFTER_DAYS ? days : null;
}

/** "No new data for 5 days", or "No new data in the last 14 days" when there is none at all. */
export function stalledText(latest: { date: string } | null, days: number, windowDays: number) {
  return latest ? `No new data for ${days} days` : `No new data in the last ${windowDays} days`;
}
