/**
 * The day a value is for. Exist's dates are days in the person's own time zone (the profile's
 * IANA `timezone`), so "today" is computed there with Intl: never the server's or the browser's.
 */
import { todayIn } from "@/lib/attributes/days";

export { todayIn };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` naming a day on the calendar: 2026-02-28 is one, 2026-02-31 is not. */
export function isCalendarDate(date: string): boolean {
  const match = DATE.exec(date);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const parsed = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1 &&
    parsed.getUTCFullYear() === year &&
    parsed.getUTCMonth() === month - 1 &&
    parsed.getUTCDate() === day
  );
}

/** The day before `date` (both `YYYY-MM-DD`), by the calendar alone. */
export function yesterdayOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

/** Why `date` cannot take a value when it is `today` for the person; null when it can. */
export function dateIssue(date: string, today: string): string | null {
  if (!DATE.test(date)) return "Enter a date as YYYY-MM-DD";
  if (!isCalendarDate(date)) return `${date} is not a date on the calendar`;
  // Same-length YYYY-MM-DD strings compare as dates do.
  if (date > today) return "The date can't be after today";
  return null;
}
