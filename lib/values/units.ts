/**
 * Units of templated attributes (https://developer.exist.io/reference/object_types/#list-of-attribute-templates).
 * Exist sends, stores and returns metric units; the profile's `imperial_*` flags say which to show
 * and take in imperial units. One table for showing values and for entering them, so what a person
 * enters reads back the same.
 */
import type { Units } from "@/lib/api/contract";

/** A unit as a person reads and enters it. */
export type Measure = {
  /** "kg"; null where Exist does not say (money is in the user's own currency). */
  label: string | null;
  /** Decimal places a person may enter, and at least as many are shown back. */
  decimals: number;
};

export type UnitSpec = {
  metric: Measure;
  /** Stored value × scale = metric value shown (elevation arrives in km, reads better in m). */
  scale?: number;
  imperial?: Measure & {
    flag: keyof Units;
    fromMetric: (metric: number) => number;
    toMetric: (imperial: number) => number;
  };
  /** Lowest stored value that means something (amounts are never below 0); absent: no bound. */
  min?: number;
  /** False where a difference is not the same as a value (°F), so a delta cannot be converted. */
  additive: boolean;
};

/**
 * An amount in `label` to `decimals` places that the `imperial_*` flag `flag` shows in `imperial`,
 * `perImperial` metric units to one imperial unit (to `imperialDecimals` places); never below 0.
 */
const convertible = (
  label: string,
  decimals: number,
  flag: keyof Units,
  imperial: string,
  perImperial: number,
  imperialDecimals = decimals,
): UnitSpec => ({
  metric: { label, decimals },
  imperial: {
    flag,
    label: imperial,
    decimals: imperialDecimals,
    fromMetric: (value: number) => value / perImperial,
    toMetric: (value: number) => value * perImperial,
  },
  min: 0,
  additive: true,
});

// Exact definitions: 1 lb = 0.45359237 kg, 1 mi = 1.609344 km, 1 ft = 0.3048 m,
// 1 kcal = 4.184 kJ, 1 US fl oz = 29.5735295625 ml.
const km = convertible("km", 2, "distance", "mi", 1.609344);
const kmPerHour = convertible("km/h", 1, "distance", "mph", 1.609344);
const metres = convertible("m", 0, "distance", "ft", 0.3048);
const kilojoules = convertible("kJ", 0, "energy", "kcal", 4.184);
const kilograms = convertible("kg", 1, "weight", "lb", 0.45359237);
// Integer millilitres (value type 0); one decimal of fl oz still reads back the same.
const millilitres = convertible("ml", 0, "liquid", "fl oz", 29.5735295625, 1);

const celsius = {
  metric: { label: "°C", decimals: 1 },
  imperial: {
    flag: "temperature",
    label: "°F",
    decimals: 1,
    fromMetric: (c: number) => (c * 9) / 5 + 32,
    toMetric: (f: number) => ((f - 32) * 5) / 9,
  },
  additive: false,
} as const satisfies UnitSpec;

const plain = (label: string, decimals: number): UnitSpec => ({
  metric: { label, decimals },
  min: 0,
  additive: true,
});

const UNITS: Record<string, UnitSpec> = {
  steps_distance: km,
  cycle_distance: km,
  workouts_distance: km,
  steps_elevation: { ...metres, scale: 1000 },
  active_energy: kilojoules,
  energy: kilojoules,
  water: millilitres,
  weight: kilograms,
  lean_mass: kilograms,
  weather_temp_max: celsius,
  weather_temp_min: celsius,
  weather_wind_speed: kmPerHour,
  carbohydrates: plain("g", 1),
  fat: plain("g", 1),
  fibre: plain("g", 1),
  protein: plain("g", 1),
  sugar: plain("g", 1),
  sodium: plain("mg", 1),
  cholesterol: plain("mg", 1),
  caffeine: plain("mg", 1),
  money_spent: { metric: { label: null, decimals: 2 }, additive: true },
};

/** Decimal places of a decimal (value type 1) that has no unit of its own. */
export const PLAIN_DECIMALS = 2;

/** The unit of an attribute by its template (or name, for custom attributes); null: none. */
export function unitOf(name: string): UnitSpec | null {
  return UNITS[name] ?? null;
}

/** The unit a person with these flags reads and enters. */
export function shownMeasure(spec: UnitSpec, units: Units): Measure {
  return spec.imperial && units[spec.imperial.flag] ? spec.imperial : spec.metric;
}

/** A stored (metric) value in the person's units, unrounded. */
export function toShown(stored: number, spec: UnitSpec, units: Units): number {
  const metric = stored * (spec.scale ?? 1);
  return spec.imperial && units[spec.imperial.flag] ? spec.imperial.fromMetric(metric) : metric;
}

/** A value in the person's units as Exist stores it (metric), unrounded. */
export function toStoredUnits(shown: number, spec: UnitSpec, units: Units): number {
  const metric = spec.imperial && units[spec.imperial.flag] ? spec.imperial.toMetric(shown) : shown;
  return metric / (spec.scale ?? 1);
}
