/**
 * `GET /api/2/attributes/values/`: every value of one attribute, newest first, paged.
 * https://developer.exist.io/reference/attributes/#get-a-specific-attribute
 * `attribute` is required; `date_max` (inclusive, `YYYY-MM-DD`) defaults to the user's today.
 * Days without data are left out, as live Exist answered. An attribute the read scopes do not
 * cover is answered as one that does not exist.
 */
import { MAX_DAYS } from "./exist-facts";
import { canRead } from "./scopes";
import type { Account } from "./seed";
import { addDays, localDate, valueOn } from "./values";
import { isDate } from "./write-rules";

export type ListValuesContext = { scopes: ReadonlySet<string>; ownService: string; now: number };

export type DayValue = { date: string; value: unknown };

type Listed = { ok: true; values: DayValue[] } | { ok: false; status: 400 | 404; detail: string };

export function listValues(
  account: Account,
  query: Record<string, string | undefined>,
  context: ListValuesContext,
): Listed {
  const name = query.attribute?.trim();
  if (!name) return { ok: false, status: 400, detail: "The 'attribute' parameter is required." };
  const record = account.attributes.get(name);
  if (!record || !canRead(record, context.scopes)) {
    return { ok: false, status: 404, detail: "Not found." };
  }
  const today = localDate(account.profile.timezone, context.now);
  const dateMax = query.date_max ?? today;
  if (!isDate(dateMax)) {
    return { ok: false, status: 400, detail: "date_max must be a date in the format YYYY-MM-DD." };
  }
  // Seeded values cover the last 31 days; written ones may be on any date.
  const dates = new Set(Array.from({ length: MAX_DAYS + 1 }, (_, age) => addDays(today, -age)));
  const prefix = `${name}/`;
  for (const key of account.values.keys()) {
    if (key.startsWith(prefix)) dates.add(key.slice(prefix.length));
  }
  const values = [...dates]
    .filter((date) => date <= dateMax)
    .sort()
    .reverse()
    .map((date) => ({ date, value: valueOn(account, record, date, today, context.ownService) }))
    .filter((day): day is DayValue => day.value !== null && day.value !== undefined);
  return { ok: true, values };
}
