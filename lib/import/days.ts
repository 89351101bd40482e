/**
 * Days as whole numbers (days since 1970-01-01) for the plan: a day's value is found by a
 * number, the plan's columns are typed arrays the worker hands to the page without copying, and
 * converting back gives Exist's `YYYY-MM-DD`. Calendar days only: no time zone is involved.
 */

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` (a calendar date, already checked) as its day number: 1970-01-02 is 1. */
export function dayNumber(date: string): number {
  const [year, month, day] = [date.slice(0, 4), date.slice(5, 7), date.slice(8, 10)].map(Number);
  return Math.round(Date.UTC(year as number, (month as number) - 1, day as number) / DAY_MS);
}

/** The inverse of dayNumber. */
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
