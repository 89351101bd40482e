/**
 * Seeded attribute values: deterministic, for the 31 days up to the account's local today, made up
 * on demand from the attribute's name and the date (no randomness, no stored series), so every
 * reset and every day gives the same kind of data. Values written with `update/` or `increment/`
 * take precedence; attributes made with `create/` have only those.
 * https://developer.exist.io/reference/object_types/#list-of-attribute-templates (units: metric)
 */
import type { AttributeRecord } from "./attributes";
import type { Account } from "./seed";

/** FNV-1a: a small, stable hash of a string. */
export function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value;
}

/** A number in [min, max] picked by `seed`, rounded to `decimals`. */
function between(seed: number, min: number, max: number, decimals = 0): number {
  const fraction = (seed % 10_007) / 10_006;
  const factor = 10 ** decimals;
  return Math.round((min + (max - min) * fraction) * factor) / factor;
}

/** [min, max, decimals] for attributes whose range the value type alone does not tell. */
const RANGES: Record<string, readonly [number, number, number?]> = {
  steps: [2_500, 14_000],
  floors: [2, 24],
  stand_hours: [6, 14],
  water: [800, 2_600],
  heartrate: [62, 84],
  heartrate_resting: [50, 62],
  heartrate_variability: [35, 80],
  heartrate_max: [120, 175],
  steps_distance: [1.8, 10.5, 2],
  steps_elevation: [0.01, 0.2, 3],
  cycle_distance: [3, 30, 1],
  workouts_distance: [2, 12, 2],
  active_energy: [600, 2_600, 1],
  energy: [6_000, 10_500, 1],
  weight: [71, 74.5, 1],
  lean_mass: [52, 55, 1],
  weather_temp_max: [8, 24, 1],
  weather_temp_min: [-3, 9, 1],
  weather_precipitation: [0, 0.4, 2],
  weather_wind_speed: [4, 40, 1],
  money_spent: [4, 120, 2],
  sleep: [330, 520],
  time_in_bed: [380, 560],
  sleep_deep: [40, 110],
  day_length: [460, 980],
  // Minutes from midday (value type 6): 22:00 to 01:30, across midnight.
  sleep_start: [600, 810],
  // Minutes from midnight (value type 4): 05:45 to 09:15.
  sleep_end: [345, 555],
  body_fat: [0.17, 0.23, 3],
  weather_cloud_cover: [0, 1, 2],
};

const TYPE_RANGES: Record<number, readonly [number, number, number?]> = {
  0: [0, 20],
  1: [0, 50, 1],
  3: [5, 240],
  4: [360, 1_380],
  5: [0, 1, 2],
  6: [540, 840],
  8: [1, 9],
};

const STRINGS: Record<string, readonly string[]> = {
  mood_note: [
    "Slept well, long walk by the river in the afternoon.",
    "Busy day at work; a quiet evening with a book, then an early night after a long week of travel, meetings, late trains and far too much coffee at every stop along the way.",
    "Felt tired after lunch.",
  ],
  weather_summary: ["Partly cloudy", "Light rain in the morning", "Clear all day"],
  weather_icon: ["partly-cloudy-day", "rain", "clear-day"],
  location: ["51.5072,-0.1276", "51.4545,-2.5879"],
  twitter_username: ["demo_user"],
};

function generated(record: AttributeRecord, date: string): unknown {
  const seed = hash(`${record.name}/${date}`);
  if (record.valueType === 2) {
    const choices = STRINGS[record.name] ?? ["Note"];
    return choices[seed % choices.length] ?? null;
  }
  if (record.valueType === 7) return seed % 3 === 0 ? 1 : 0;
  const [min, max, decimals = 0] = RANGES[record.name] ?? TYPE_RANGES[record.valueType] ?? [0, 10];
  return between(seed, min, max, decimals);
}

/** `YYYY-MM-DD` of `now` in `timezone`. */
export function localDate(timezone: string, now: number): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: timezone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date(now));
}

/** `date` moved by `days` (calendar arithmetic on the date alone). */
export function addDays(date: string, days: number): string {
  const moved = new Date(`${date}T00:00:00Z`);
  moved.setUTCDate(moved.getUTCDate() + days);
  return moved.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The value of `record` on `date`, or null for a day without data: a written value; else nothing
 * for an attribute made with `create/`, nothing newer than `record.stalledDays` days before today,
 * nothing since this app acquired it, an occasional gap, and otherwise a seeded value.
 */
export function valueOn(
  account: Account,
  record: AttributeRecord,
  date: string,
  today: string,
  ownService: string,
): unknown {
  const written = account.values.get(`${record.name}/${date}`);
  if (written !== undefined) return written;
  if (record.created) return null;
  const age = daysBetween(date, today);
  if (age < 0 || age > 31 || age < (record.stalledDays ?? 0)) return null;
  if (record.service === ownService && record.ownedSince && date >= record.ownedSince) return null;
  // A gap now and then (never on the newest day with data), so series have holes.
  if (age > (record.stalledDays ?? 0) && hash(`${record.name}#${date}`) % 9 === 0) return null;
  if (!record.active) return null;
  return generated(record, date);
}
