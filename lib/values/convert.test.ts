import { describe, expect, it } from "vitest";
import {
  clockText,
  durationMinutes,
  durationParts,
  fractionToPercent,
  numberText,
  parseClock,
  parseTypedNumber,
  percentToFraction,
  roundTo,
  storedTimeOfDay,
  timeOfDayFromStored,
} from "./convert";

describe("numbers as typed", () => {
  it("reads plain notation and counts the decimal places given", () => {
    expect(parseTypedNumber("72.5")).toEqual({ value: 72.5, decimals: 1 });
    expect(parseTypedNumber(" 165.50 ")).toEqual({ value: 165.5, decimals: 2 });
    expect(parseTypedNumber("-3")).toEqual({ value: -3, decimals: 0 });
    expect(parseTypedNumber("+4")).toEqual({ value: 4, decimals: 0 });
    expect(parseTypedNumber(".5")).toEqual({ value: 0.5, decimals: 1 });
    expect(parseTypedNumber("12.")).toEqual({ value: 12, decimals: 0 });
  });

  it("refuses anything that is not a plain number", () => {
    for (const text of ["", " ", "1e3", "1,000", "12 kg", "0x10", "Infinity", "NaN", "--1", "."]) {
      expect(parseTypedNumber(text), text).toBeNull();
    }
  });

  it("rounds without float noise or -0, and writes numbers for input fields", () => {
    expect(roundTo(0.1 + 0.2, 6)).toBe(0.3);
    expect(Object.is(roundTo(-0.0001, 2), 0)).toBe(true);
    expect(roundTo(75.069537235, 6)).toBe(75.069537);
    expect(numberText(165.49999948, 1)).toBe("165.5");
    expect(numberText(1234567.891, 2)).toBe("1234567.89");
    expect(numberText(72, 1)).toBe("72");
  });
});

describe("durations: hours and minutes ↔ whole minutes", () => {
  it("splits and joins", () => {
    expect(durationParts(452)).toEqual({ hours: 7, minutes: 32 });
    expect(durationParts(45)).toEqual({ hours: 0, minutes: 45 });
    expect(durationParts(1440)).toEqual({ hours: 24, minutes: 0 });
    expect(durationMinutes(7, 32)).toBe(452);
    for (let minutes = 0; minutes <= 1440; minutes += 7) {
      const parts = durationParts(minutes);
      expect(durationMinutes(parts.hours, parts.minutes)).toBe(minutes);
    }
  });
});

describe("times of day", () => {
  it("reads H:MM and HH:MM", () => {
    expect(parseClock("23:15")).toEqual({ hours: 23, minutes: 15 });
    expect(parseClock("7:05")).toEqual({ hours: 7, minutes: 5 });
    expect(parseClock("7.05")).toBeNull();
    expect(parseClock("705")).toBeNull();
    expect(parseClock("07:5")).toBeNull();
  });

  it("type 4 counts minutes from midnight", () => {
    expect(storedTimeOfDay(7 * 60 + 30, 4)).toBe(450);
    expect(storedTimeOfDay(0, 4)).toBe(0);
    expect(storedTimeOfDay(1439, 4)).toBe(1439);
    expect(clockText(timeOfDayFromStored(1395, 4))).toBe("23:15");
  });

  it("type 6 counts minutes from midday, wrapping at midnight, always 0–1439", () => {
    expect(storedTimeOfDay(12 * 60, 6)).toBe(0);
    expect(storedTimeOfDay(22 * 60, 6)).toBe(600);
    expect(storedTimeOfDay(23 * 60 + 59, 6)).toBe(719);
    expect(storedTimeOfDay(0, 6)).toBe(720);
    expect(storedTimeOfDay(60 + 30, 6)).toBe(810);
    expect(storedTimeOfDay(11 * 60 + 59, 6)).toBe(1439);
    expect(clockText(timeOfDayFromStored(600, 6))).toBe("22:00");
    expect(clockText(timeOfDayFromStored(810, 6))).toBe("01:30");
    expect(clockText(timeOfDayFromStored(-30, 6))).toBe("11:30");
  });

  it("every minute of the day goes there and back for both types", () => {
    for (const type of [4, 6]) {
      for (let minute = 0; minute < 1440; minute += 1) {
        const stored = storedTimeOfDay(minute, type);
        expect(stored).toBeGreaterThanOrEqual(0);
        expect(stored).toBeLessThan(1440);
        expect(timeOfDayFromStored(stored, type)).toBe(minute);
      }
    }
  });

  it("writes HH:MM, wrapping at a day", () => {
    expect(clockText(0)).toBe("00:00");
    expect(clockText(1440)).toBe("00:00");
    expect(clockText(-15)).toBe("23:45");
  });
});

describe("percentages: typed 0–100, stored 0–1", () => {
  it("body fat 24.22 % is stored 0.2422, never 24.22", () => {
    expect(percentToFraction(24.22, 2)).toBe(0.2422);
    expect(percentToFraction(100, 2)).toBe(1);
    expect(percentToFraction(0.01, 2)).toBe(0.0001);
    expect(fractionToPercent(0.2422, 2)).toBe(24.22);
  });

  it("every percentage with two decimals goes there and back", () => {
    for (let hundredths = 0; hundredths <= 10_000; hundredths += 1) {
      const percent = hundredths / 100;
      expect(fractionToPercent(percentToFraction(percent, 2), 2)).toBe(percent);
    }
  });
});
