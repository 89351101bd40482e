/**
 * Attribute values as a person reads them, by value type
 * (https://developer.exist.io/reference/object_types/#attribute-value-types). Exist stores and
 * returns metric units; the profile's `imperial_*` flags say which to show in imperial units.
 * Pure functions, one fixed locale, so the same value reads the same everywhere.
 */
import type { Units, Value } from "@/lib/api/contract";

const LOCALE = "en-GB";

type Unit = {
  metric: string;
  imperial?: { flag: keyof Units; unit: string; convert: (value: number) => number };
  /** Shown in this unit first (e.g. elevation arrives in km, reads better in m). */
  scale?: number;
};

const KM = { flag: "distance", unit: "mi", convert: (km: number) => km / 1.609344 } as const;

/** Units of templated attributes, from the docs' list of templates. */
const UNITS: Record<string, Unit> = {
  steps_distance: { metric: "km", imperial: KM },
  cycle_distance: { metric: "km", imperial: KM },
  workouts_distance: { metric: "km", imperial: KM },
  steps_elevation: {
    metric: "m",
    scale: 1000,
    imperial: { flag: "distance", unit: "ft", convert: (m) => m / 0.3048 },
  },
  active_energy: {
    metric: "kJ",
    imperial: { flag: "energy", unit: "kcal", convert: (kj) => kj / 4.184 },
  },
  energy: { metric: "kJ", imperial: { flag: "energy", unit: "kcal", convert: (kj) => kj / 4.184 } },
  water: {
    metric: "ml",
    imperial: { flag: "liquid", unit: "fl oz", convert: (ml) => ml / 29.5735 },
  },
  weight: { metric: "kg", imperial: { flag: "weight", unit: "lb", convert: (kg) => kg * 2.20462 } },
  lean_mass: {
    metric: "kg",
    imperial: { flag: "weight", unit: "lb", convert: (kg) => kg * 2.20462 },
  },
  weather_temp_max: {
    metric: "°C",
    imperial: { flag: "temperature", unit: "°F", convert: (c) => (c * 9) / 5 + 32 },
  },
  weather_temp_min: {
    metric: "°C",
    imperial: { flag: "temperature", unit: "°F", convert: (c) => (c * 9) / 5 + 32 },
  },
  weather_wind_speed: {
    metric: "km/h",
    imperial: { flag: "distance", unit: "mph", convert: (kmh) => kmh / 1.609344 },
  },
  carbohydrates: { metric: "g" },
  fat: { metric: "g" },
  fibre: { metric: "g" },
  protein: { metric: "g" },
  sugar: { metric: "g" },
  sodium: { metric: "mg" },
  cholesterol: { metric: "mg" },
  caffeine: { metric: "mg" },
};

export const METRIC: Units = {
  distance: false,
  weight: false,
  energy: false,
  liquid: false,
  temperature: false,
};

/** Decimals that suit the size of a number: 12,345 · 123 · 72.4 · 3.25. */
function sensibleDigits(value: number): number {
  const size = Math.abs(value);
  if (size >= 100) return 0;
  if (size >= 10) return 1;
  return 2;
}

export function formatNumber(value: number, digits = sensibleDigits(value)): string {
  return new Intl.NumberFormat(LOCALE, { maximumFractionDigits: digits }).format(value);
}

/** "7 h 32 min", "45 min", "2 h". */
export function formatDuration(minutes: number): string {
  const total = Math.round(minutes);
  const sign = total < 0 ? "-" : "";
  const hours = Math.floor(Math.abs(total) / 60);
  const rest = Math.abs(total) % 60;
  if (hours === 0) return `${sign}${rest} min`;
  return rest === 0 ? `${sign}${hours} h` : `${sign}${hours} h ${rest} min`;
}

/** "23:15" from minutes after midnight (type 4) or, with `fromMidday`, after midday (type 6). */
export function formatTimeOfDay(minutes: number, fromMidday = false): string {
  const day = 24 * 60;
  const since = (((Math.round(minutes) + (fromMidday ? 12 * 60 : 0)) % day) + day) % day;
  const hours = String(Math.floor(since / 60)).padStart(2, "0");
  return `${hours}:${String(since % 60).padStart(2, "0")}`;
}

function withUnit(value: number, name: string, units: Units, integer: boolean): string {
  const unit = UNITS[name];
  if (!unit) return formatNumber(value, integer ? 0 : undefined);
  const scaled = value * (unit.scale ?? 1);
  if (unit.imperial && units[unit.imperial.flag]) {
    const converted = unit.imperial.convert(scaled);
    return `${formatNumber(converted)} ${unit.imperial.unit}`;
  }
  return `${formatNumber(scaled, integer ? 0 : undefined)} ${unit.metric}`;
}

/**
 * A value as the row shows it. `name` is the attribute's template (or name): it tells the unit.
 * A value of an unexpected kind (a string for a number type) is shown as it came.
 */
export function formatValue(value: Value, valueType: number, name: string, units: Units): string {
  if (typeof value === "string") return value;
  switch (valueType) {
    case 0:
      return withUnit(value, name, units, true);
    case 1:
      return withUnit(value, name, units, false);
    case 3:
      return formatDuration(value);
    case 4:
      return formatTimeOfDay(value);
    case 5:
      return `${formatNumber(value * 100, 0)} %`;
    case 6:
      return formatTimeOfDay(value, true);
    case 7:
      return value ? "Yes" : "No";
    case 8:
      return `${formatNumber(value, 0)} / 9`;
    default:
      return formatNumber(value);
  }
}

/** Long strings shortened to `max` characters with "…"; `full` keeps the whole text. */
export function shorten(text: string, max = 40): { short: string; full: string } {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return { short: clean, full: clean };
  return { short: `${clean.slice(0, max - 1).trimEnd()}…`, full: clean };
}

/** Value types drawn as a sparkline: numbers that rise and fall (not strings or yes/no). */
export function isNumericType(valueType: number): boolean {
  return [0, 1, 3, 4, 5, 6, 8].includes(valueType);
}
