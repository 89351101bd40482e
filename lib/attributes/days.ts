/**
 * Dates of values, local to the user: Exist's dates are days in the user's time zone
 * (exist-docs/observed-responses.md), so "today" is their local date, not the browser's.
 */

/** An attribute with no value in this many days is "not getting data". */
export const STALLED_AFTER_DAYS = 3;

/** `yyyy-mm-dd` of `now` in `timezone` (UTC when the zone is unknown). */
export function todayIn(timezone: string, now: Date = new Date()): string {
  try {
    return new Intl.DateTimeFormat("en-CA", { timeZone: timezone }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
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

/** "Mon 30 Nov". */
export function shortDate(date: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    weekday: "short",
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  }).format(new Date(`${date}T00:00:00Z`));
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
