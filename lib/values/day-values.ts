/**
 * One day's value put into an attribute's recent values (the 14-day series and the latest), as
 * Exist now holds it after a write or a read-back. Plain code: the page's values cache and the
 * server's use the same rule.
 */
import type { AttributeValues, Value } from "@/lib/api/contract";

export type DayValue = { name: string; date: string; value: Value | null };

/** `current` with `day` in place; `days` are the series' dates, oldest first. */
export function withDayValue(
  current: AttributeValues | undefined,
  days: readonly string[],
  day: DayValue,
): AttributeValues {
  const series = current ? [...current.series] : days.map(() => null);
  const index = days.indexOf(day.date);
  if (index >= 0) series[index] = day.value;
  let latest = current?.latest ?? null;
  if (day.value !== null && (!latest || day.date >= latest.date)) {
    latest = { date: day.date, value: day.value };
  } else if (day.value === null && latest?.date === day.date) {
    // The day turned out empty: the latest is then the newest value left in the window.
    const newest = series.findLastIndex((value) => value !== null);
    const value = series[newest];
    latest =
      newest >= 0 && value !== null && value !== undefined
        ? { date: days[newest] ?? day.date, value }
        : null;
  }
  return { latest, series };
}

/** Every value of `byName` with `values` put in (attributes without values yet get a series). */
export function withDayValues(
  byName: Record<string, AttributeValues>,
  days: readonly string[],
  values: readonly DayValue[],
): Record<string, AttributeValues> {
  const next = { ...byName };
  for (const day of values) next[day.name] = withDayValue(next[day.name], days, day);
  return next;
}
