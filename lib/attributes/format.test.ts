import { describe, expect, it } from "vitest";
import type { Units } from "@/lib/api/contract";
import {
  formatDuration,
  formatTimeOfDay,
  formatValue,
  isNumericType,
  METRIC,
  shorten,
} from "./format";

const IMPERIAL: Units = {
  distance: true,
  weight: true,
  energy: true,
  liquid: true,
  temperature: true,
};

describe("formatValue, every value type", () => {
  it("0 integer: thousands separators, units where the template has one", () => {
    expect(formatValue(12345, 0, "steps", METRIC)).toBe("12,345");
    expect(formatValue(0, 0, "steps", METRIC)).toBe("0");
    expect(formatValue(1850, 0, "water", METRIC)).toBe("1,850 ml");
    expect(formatValue(1850, 0, "water", IMPERIAL)).toBe("62.6 fl oz");
  });

  it("1 decimal: rounded sensibly, metric or imperial by the profile's flags", () => {
    expect(formatValue(3.14159, 1, "money_spent", METRIC)).toBe("3.14");
    expect(formatValue(72.46, 1, "weight", METRIC)).toBe("72.5 kg");
    expect(formatValue(72.46, 1, "weight", IMPERIAL)).toBe("159.7 lb");
    expect(formatValue(8.05, 1, "steps_distance", METRIC)).toBe("8.05 km");
    expect(formatValue(8.05, 1, "steps_distance", IMPERIAL)).toBe("5 mi");
    expect(formatValue(10, 1, "steps_distance", IMPERIAL)).toBe("6.21 mi");
    expect(formatValue(0.12, 1, "steps_elevation", METRIC)).toBe("120 m");
    expect(formatValue(0.12, 1, "steps_elevation", IMPERIAL)).toBe("394 ft");
    expect(formatValue(2092, 1, "active_energy", METRIC)).toBe("2,092 kJ");
    expect(formatValue(2092, 1, "active_energy", IMPERIAL)).toBe("500 kcal");
    expect(formatValue(21.5, 1, "weather_temp_max", METRIC)).toBe("21.5 °C");
    expect(formatValue(21.5, 1, "weather_temp_max", IMPERIAL)).toBe("70.7 °F");
    expect(formatValue(-3, 1, "weather_temp_min", IMPERIAL)).toBe("26.6 °F");
    expect(formatValue(-17.777778, 1, "weather_temp_min", IMPERIAL)).toBe("0 °F");
    expect(formatValue(-0.001, 1, "weather_temp_min", METRIC)).toBe("0 °C");
    expect(formatValue(25, 1, "weather_wind_speed", IMPERIAL)).toBe("15.5 mph");
    expect(formatValue(12.345, 1, "protein", IMPERIAL)).toBe("12.3 g");
    expect(formatValue(1234.5, 1, "custom_decimal", METRIC)).toBe("1,234.5");
    expect(formatValue(1234.56, 1, "money_spent", METRIC)).toBe("1,234.56");
  });

  it("1 decimal: shows the decimals a person may enter, however large the number", () => {
    // 165.5 lb as logged (stored in kg, to 6 places) reads back as 165.5 lb, not 166 lb.
    expect(formatValue(75.069537, 1, "weight", IMPERIAL)).toBe("165.5 lb");
    expect(formatValue(45.359237, 1, "weight", IMPERIAL)).toBe("100 lb");
    expect(formatValue(102.3, 1, "weight", METRIC)).toBe("102.3 kg");
    expect(formatValue(250.5, 1, "carbohydrates", METRIC)).toBe("250.5 g");
    expect(formatValue(37.8, 1, "weather_temp_max", IMPERIAL)).toBe("100 °F");
    // Units entered whole stay whole.
    expect(formatValue(8368.2, 1, "energy", METRIC)).toBe("8,368 kJ");
    expect(formatValue(236.588, 1, "water", METRIC)).toBe("237 ml");
    expect(formatValue(237, 0, "water", IMPERIAL)).toBe("8 fl oz");
    expect(formatValue(251, 0, "water", IMPERIAL)).toBe("8.5 fl oz");
  });

  it("imperial flags apply one by one", () => {
    const milesOnly: Units = { ...METRIC, distance: true };
    expect(formatValue(10, 1, "steps_distance", milesOnly)).toBe("6.21 mi");
    expect(formatValue(72, 1, "weight", milesOnly)).toBe("72 kg");
  });

  it("2 string: as it came", () => {
    expect(formatValue("Slept well", 2, "mood_note", METRIC)).toBe("Slept well");
    expect(formatValue("", 2, "mood_note", METRIC)).toBe("");
  });

  it("3 duration: hours and minutes", () => {
    expect(formatValue(452, 3, "sleep", METRIC)).toBe("7 h 32 min");
    expect(formatDuration(45)).toBe("45 min");
    expect(formatDuration(120)).toBe("2 h");
    expect(formatDuration(0)).toBe("0 min");
    expect(formatDuration(59.6)).toBe("1 h");
    expect(formatDuration(-90)).toBe("-1 h 30 min");
  });

  it("4 time of day from midnight", () => {
    expect(formatValue(1395, 4, "sleep_end", METRIC)).toBe("23:15");
    expect(formatTimeOfDay(0)).toBe("00:00");
    expect(formatTimeOfDay(1439)).toBe("23:59");
    expect(formatTimeOfDay(1440)).toBe("00:00");
    expect(formatTimeOfDay(-15)).toBe("23:45");
  });

  it("6 time of day from midday, wrapping past midnight", () => {
    expect(formatValue(0, 6, "sleep_start", METRIC)).toBe("12:00");
    expect(formatValue(600, 6, "sleep_start", METRIC)).toBe("22:00");
    expect(formatValue(719, 6, "sleep_start", METRIC)).toBe("23:59");
    expect(formatValue(720, 6, "sleep_start", METRIC)).toBe("00:00");
    expect(formatValue(795, 6, "sleep_start", METRIC)).toBe("01:15");
    expect(formatValue(-30, 6, "sleep_start", METRIC)).toBe("11:30");
    expect(formatTimeOfDay(1440, true)).toBe("12:00");
  });

  it("5 percentage, 7 boolean and custom tags, 8 scale", () => {
    expect(formatValue(0.823, 5, "body_fat", METRIC)).toBe("82.3 %");
    expect(formatValue(0.2422, 5, "body_fat", METRIC)).toBe("24.22 %");
    expect(formatValue(0.37, 5, "weather_cloud_cover", METRIC)).toBe("37 %");
    expect(formatValue(1, 5, "weather_cloud_cover", METRIC)).toBe("100 %");
    expect(formatValue(0, 5, "weather_cloud_cover", METRIC)).toBe("0 %");
    expect(formatValue(1, 7, "walk", METRIC)).toBe("Yes");
    expect(formatValue(0, 7, "walk", METRIC)).toBe("No");
    expect(formatValue(6, 8, "mood", METRIC)).toBe("6 / 9");
  });

  it("an unknown value type shows the number; a string where a number belongs shows the string", () => {
    expect(formatValue(1234.5678, 42, "x", METRIC)).toBe("1,235");
    expect(formatValue("n/a", 0, "steps", METRIC)).toBe("n/a");
  });
});

describe("shorten", () => {
  it("keeps short strings and shortens long ones, keeping the full text", () => {
    expect(shorten("Slept well")).toEqual({ short: "Slept well", full: "Slept well" });
    const long = "Busy day at work; a quiet evening with a book, then an early night.";
    const { short, full } = shorten(long);
    expect(short.length).toBeLessThanOrEqual(40);
    expect(short.startsWith("Busy day at work; a quiet")).toBe(true);
    expect(short.endsWith("…")).toBe(true);
    expect(full).toBe(long);
    expect(shorten("  two\n lines ")).toEqual({ short: "two lines", full: "two lines" });
  });
});

describe("isNumericType", () => {
  it("draws numbers, not strings or yes/no", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8].filter(isNumericType)).toEqual([0, 1, 3, 4, 5, 6, 8]);
  });
});
