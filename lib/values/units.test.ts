import { describe, expect, it } from "vitest";
import type { Units } from "@/lib/api/contract";
import { shownMeasure, toShown, toStoredUnits, unitOf } from "./units";

const METRIC: Units = {
  distance: false,
  weight: false,
  energy: false,
  liquid: false,
  temperature: false,
};
const IMPERIAL: Units = {
  distance: true,
  weight: true,
  energy: true,
  liquid: true,
  temperature: true,
};

function shown(name: string, stored: number, units: Units) {
  const unit = unitOf(name);
  if (!unit) throw new Error(`no unit for ${name}`);
  return { value: toShown(stored, unit, units), label: shownMeasure(unit, units).label };
}

function stored(name: string, typed: number, units: Units) {
  const unit = unitOf(name);
  if (!unit) throw new Error(`no unit for ${name}`);
  return toStoredUnits(typed, unit, units);
}

describe("units by the profile's imperial flags", () => {
  it("weight: kg ↔ lb by imperial_weight", () => {
    expect(shown("weight", 72.5, METRIC)).toEqual({ value: 72.5, label: "kg" });
    expect(shown("weight", 45.359237, IMPERIAL).value).toBeCloseTo(100, 10);
    expect(shown("lean_mass", 1, IMPERIAL).label).toBe("lb");
    expect(stored("weight", 165.5, IMPERIAL)).toBeCloseTo(75.069537235, 9);
    expect(stored("weight", 72.5, { ...IMPERIAL, weight: false })).toBe(72.5);
  });

  it("distance: km ↔ mi by imperial_distance, elevation m ↔ ft, wind km/h ↔ mph", () => {
    expect(shown("steps_distance", 1.609344, IMPERIAL)).toEqual({ value: 1, label: "mi" });
    expect(shown("cycle_distance", 10, METRIC)).toEqual({ value: 10, label: "km" });
    expect(shown("workouts_distance", 1, IMPERIAL).label).toBe("mi");
    expect(shown("steps_elevation", 0.12, METRIC)).toEqual({ value: 120, label: "m" });
    expect(shown("steps_elevation", 0.3048, IMPERIAL).value).toBeCloseTo(1000, 9);
    expect(stored("steps_elevation", 120, METRIC)).toBeCloseTo(0.12, 12);
    expect(stored("steps_elevation", 1000, IMPERIAL)).toBeCloseTo(0.3048, 12);
    expect(shown("weather_wind_speed", 16.09344, IMPERIAL).value).toBeCloseTo(10, 10);
    expect(shown("weather_wind_speed", 1, IMPERIAL).label).toBe("mph");
  });

  it("temperature: °C ↔ °F by imperial_temperature, an offset as well as a factor", () => {
    expect(shown("weather_temp_max", 100, IMPERIAL)).toEqual({ value: 212, label: "°F" });
    expect(shown("weather_temp_min", -40, IMPERIAL).value).toBe(-40);
    expect(stored("weather_temp_max", 32, IMPERIAL)).toBe(0);
    expect(stored("weather_temp_max", 21.5, METRIC)).toBe(21.5);
    expect(unitOf("weather_temp_max")?.additive).toBe(false);
  });

  it("energy: Exist stores kJ; imperial_energy shows and takes kcal", () => {
    expect(shown("energy", 4184, IMPERIAL)).toEqual({ value: 1000, label: "kcal" });
    expect(shown("active_energy", 2092, METRIC)).toEqual({ value: 2092, label: "kJ" });
    expect(stored("energy", 2000, IMPERIAL)).toBe(8368);
  });

  it("liquid: ml ↔ US fl oz by imperial_liquid", () => {
    expect(shown("water", 29.5735295625, IMPERIAL)).toEqual({ value: 1, label: "fl oz" });
    expect(stored("water", 8, IMPERIAL)).toBeCloseTo(236.5882365, 9);
    expect(shown("water", 250, METRIC)).toEqual({ value: 250, label: "ml" });
  });

  it("each flag governs only its own units", () => {
    const weightOnly: Units = { ...METRIC, weight: true };
    expect(shown("weight", 1, weightOnly).label).toBe("lb");
    expect(shown("steps_distance", 1, weightOnly).label).toBe("km");
    expect(shown("water", 1, weightOnly).label).toBe("ml");
    expect(shown("energy", 1, weightOnly).label).toBe("kJ");
    expect(shown("weather_temp_max", 1, weightOnly).label).toBe("°C");
  });

  it("nutrients have metric units only; money has none; custom attributes have no unit", () => {
    expect(shown("protein", 12.5, IMPERIAL)).toEqual({ value: 12.5, label: "g" });
    expect(shown("caffeine", 95, IMPERIAL)).toEqual({ value: 95, label: "mg" });
    expect(shown("money_spent", 12.5, IMPERIAL)).toEqual({ value: 12.5, label: null });
    expect(unitOf("steps")).toBeNull();
    expect(unitOf("my_custom_decimal")).toBeNull();
  });
});
