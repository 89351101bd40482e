/**
 * GET /api/values: the last 14 days of every active attribute, from Exist's `with-values/` and
 * the profile (time zone, imperial units). Apart from the owner list, which never waits for it,
 * and cached per user for two hours: values change a few times a day, and Exist allows 300 calls
 * an hour (https://developer.exist.io/reference/important_values/). `Cache-Control: no-cache`
 * (the page's "Refresh values") asks Exist again.
 */
import "server-only";
import { AttributesCache } from "@/lib/api/attributes-cache";
import { cacheSync } from "@/lib/api/cache-sync";
import type { AttributeValues, Value, ValuesResponse } from "@/lib/api/contract";
import type { ExistClient } from "@/lib/exist/client";
import { todayIn } from "@/lib/attributes/days";
import { withDayValues, type DayValue } from "@/lib/values/day-values";
import type { ExistAttributeValues, ExistProfile } from "@/lib/exist/schemas";

export const VALUE_DAYS = 14;
export const VALUES_CACHE_SECONDS = 2 * 60 * 60;

const globalCache = globalThis as typeof globalThis & {
  __valuesCache?: AttributesCache<ValuesResponse>;
};
export const valuesCache = (globalCache.__valuesCache ??= new AttributesCache<ValuesResponse>(
  VALUES_CACHE_SECONDS * 1000,
  Date.now,
  { kind: "values", sync: cacheSync },
));

const DATE = /^\d{4}-\d{2}-\d{2}/;

/** The user's local date: from the profile's `local_time`, else now in their time zone. */
export function userToday(profile: ExistProfile, now: Date): string {
  if (profile.local_time && DATE.test(profile.local_time)) return profile.local_time.slice(0, 10);
  return todayIn(profile.timezone ?? "UTC", now);
}

function lastDays(today: string, count: number): string[] {
  const end = Date.parse(`${today}T00:00:00Z`);
  return Array.from({ length: count }, (_, index) =>
    new Date(end - (count - 1 - index) * 86_400_000).toISOString().slice(0, 10),
  );
}

/** A missing day and a `null` day are the same; booleans are stored as 0/1 by Exist. */
export function valueOf(raw: ExistAttributeValues["values"][number]["value"]): Value | null {
  if (typeof raw === "boolean") return raw ? 1 : 0;
  return raw;
}

export function attributeValues(
  item: ExistAttributeValues,
  days: readonly string[],
): AttributeValues {
  const byDate = new Map<string, Value>();
  for (const { date, value } of item.values) {
    const known = valueOf(value);
    if (known !== null) byDate.set(date, known);
  }
  const newest = [...byDate.keys()]
    .filter((date) => date <= (days.at(-1) ?? date))
    .sort()
    .at(-1);
  const latestValue = newest === undefined ? undefined : byDate.get(newest);
  return {
    latest:
      newest !== undefined && latestValue !== undefined
        ? { date: newest, value: latestValue }
        : null,
    series: days.map((date) => byDate.get(date) ?? null),
  };
}

export function shapeValues(
  items: readonly ExistAttributeValues[],
  profile: ExistProfile,
  now: Date,
): ValuesResponse {
  const days = lastDays(userToday(profile, now), VALUE_DAYS);
  return {
    timezone: profile.timezone ?? "UTC",
    units: {
      distance: profile.imperial_distance,
      weight: profile.imperial_weight,
      energy: profile.imperial_energy,
      liquid: profile.imperial_liquid,
      temperature: profile.imperial_temperature,
    },
    days,
    values: Object.fromEntries(items.map((item) => [item.name, attributeValues(item, days)])),
    fetchedAt: now.toISOString(),
  };
}

export async function loadValues(
  exist: ExistClient,
  session: { username: string; scopes: readonly string[] },
  fresh: boolean,
): Promise<ValuesResponse> {
  const key = AttributesCache.userKey(session.username, session.scopes);
  if (!fresh) {
    const cached = valuesCache.get(key);
    if (cached) return cached;
  }
  const generation = valuesCache.generation(session.username);
  const [items, profile] = await Promise.all([exist.withValues(VALUE_DAYS), exist.profile()]);
  const answer = shapeValues(items, profile, new Date());
  valuesCache.set(session.username, key, answer, generation);
  return answer;
}

/**
 * Puts the days' values Exist now holds (a write's answer, a day read back) into the user's
 * cached values, so the page's next load shows them without asking Exist again.
 */
export function storeDayValues(username: string, values: readonly DayValue[]): void {
  if (values.length === 0) return;
  valuesCache.update(username, (answer) => ({
    ...answer,
    values: withDayValues(answer.values, answer.days, values),
  }));
}
