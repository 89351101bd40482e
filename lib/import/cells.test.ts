import { describe, expect, it } from "vitest";
import { valueField, type ValueField } from "@/lib/values/field";
import { custom, IMPERIAL, METRIC, template } from "@/lib/values/test-fixtures";
import {
  looksLikeFormula,
  normalizeNumberText,
  readCell,
  withoutFormulaEscape,
  type CellValue,
} from "./cells";
import { readDuration, readTimeOfDay } from "./clock-cells";

function fieldOf(name: string, units = METRIC): ValueField {
  const field = valueField(template(name), units);
  if (!field) throw new Error(`no field for ${name}`);
  return field;
}

const read = (cell: string, name: string, units = METRIC, decimalComma = false) =>
  readCell(cell, fieldOf(name, units), { decimalComma });
const value = (stored: number | string): CellValue => ({ kind: "value", value: stored });
const invalid = (error: string): CellValue => ({ kind: "invalid", error });
const EMPTY: CellValue = { kind: "empty" };

describe("cells that look like formulas", () => {
  it("are =, +, - or @ first, but not a signed number", () => {
    for (const cell of ["=SUM(B2:B9)", "=1+1", "+A1", "-cmd|' /C calc'!A0", "@SUM(1)", " =x"]) {
      expect(looksLikeFormula(cell), cell).toBe(true);
    }
    for (const cell of ["-5", "+1.5", "-3,5", "- 2", "72.5", "hello = world", "", "-1 234,5"]) {
      expect(looksLikeFormula(cell), cell).toBe(false);
    }
  });

  it("are refused where a number is wanted, never evaluated", () => {
    expect(read("=1+1", "steps")).toEqual(
      invalid("=1+1 is a spreadsheet formula, not a value: export the values instead"),
    );
    expect(read("@SUM(A1:A3)", "weight").kind).toBe("invalid");
    expect(read("-5", "weather_temp_max")).toEqual(value(-5));
  });

  it("stay text in a note, without the quote exports put before them", () => {
    expect(read('=HYPERLINK("x")', "mood_note")).toEqual(value('=HYPERLINK("x")'));
    expect(read("- ran 5k\n- slept well", "mood_note")).toEqual(value("- ran 5k\n- slept well"));
    expect(read("'=1+1", "mood_note")).toEqual(value("=1+1"));
    expect(withoutFormulaEscape("'+44 20 7946 0000")).toBe("+44 20 7946 0000");
    expect(withoutFormulaEscape("'tis the season")).toBe("'tis the season");
  });
});

describe("numbers as files write them", () => {
  it("thousands separators and decimal commas", () => {
    expect(normalizeNumberText("1,234.5", false)).toBe("1234.5");
    expect(normalizeNumberText("12,345", false)).toBe("12345");
    expect(normalizeNumberText("1,5", false)).toBe("1,5");
    expect(normalizeNumberText("72,5", true)).toBe("72.5");
    expect(normalizeNumberText("1.234,5", true)).toBe("1234.5");
    expect(normalizeNumberText("1 234,5", true)).toBe("1234.5");
    expect(normalizeNumberText("10\u202f000", false)).toBe("10000");
    expect(normalizeNumberText("-0,75", true)).toBe("-0.75");
  });

  it("are read in the person's units into Exist's metric value", () => {
    expect(read("8,012", "steps")).toEqual(value(8012));
    expect(read("72.5", "weight")).toEqual(value(72.5));
    expect(read("165.5", "weight", IMPERIAL)).toEqual(value(75.069537));
    expect(read("72,5", "weight", METRIC, true)).toEqual(value(72.5));
    expect(read("120", "steps_elevation")).toEqual(value(0.12));
    expect(read("72.5 kg", "weight")).toEqual(value(72.5));
    expect(read("160 lb", "weight", IMPERIAL)).toEqual(value(72.574779));
  });

  it("round to the places the unit shows where Exist keeps fractions, and say so", () => {
    expect(read("72.53", "weight")).toEqual({ kind: "value", value: 72.5, rounded: true });
    expect(read("72.50", "weight")).toEqual(value(72.5));
    expect(read("120.4", "steps_elevation")).toEqual({ kind: "value", value: 0.12, rounded: true });
    expect(read("8000.0", "steps")).toEqual(value(8000));
    expect(read("7.5", "steps")).toEqual(invalid("Enter a whole number"));
    expect(read("7.0", "mood")).toEqual(value(7));
  });

  it("refuse what the attribute cannot hold, in the Log dialog's words", () => {
    expect(read("-100", "steps")).toEqual(invalid("Steps can't be negative"));
    expect(read("5", "menstrual_flow")).toEqual(invalid("Menstrual flow is 0 (none) to 4 (heavy)"));
    expect(read("10", "mood")).toEqual(invalid("Choose a whole number from 1 to 9"));
    expect(read("lots", "steps")).toEqual(invalid("Enter a whole number"));
    expect(read("3000000000", "steps")).toEqual(invalid("That number is too large"));
  });

  it("percentages, with or without the sign, stored as fractions", () => {
    expect(read("24.5%", "body_fat")).toEqual(value(0.245));
    expect(read("24", "body_fat")).toEqual(value(0.24));
    expect(read("24,25 %", "body_fat", METRIC, true)).toEqual(value(0.2425));
    expect(read("140%", "body_fat")).toEqual(invalid("Percent must be between 0 and 100"));
  });

  it("empty cells and a spreadsheet's words for none are no value", () => {
    for (const cell of ["", "  ", "-", "—", "N/A", "#N/A", "null"]) {
      expect(read(cell, "steps"), cell).toEqual(EMPTY);
    }
    expect(read("   ", "mood_note")).toEqual(EMPTY);
    expect(read("N/A", "mood_note")).toEqual(value("N/A"));
  });
});

describe("yes/no, durations, times and text", () => {
  it("yes/no words", () => {
    const field = valueField(custom("meditated", "Meditated", 7), METRIC) as ValueField;
    for (const cell of ["1", "yes", "Y", "TRUE", "x", "✓"]) {
      expect(readCell(cell, field, { decimalComma: false }), cell).toEqual(value(1));
    }
    for (const cell of ["0", "no", "N", "false"]) {
      expect(readCell(cell, field, { decimalComma: false }), cell).toEqual(value(0));
    }
    expect(readCell("maybe", field, { decimalComma: false })).toEqual(
      invalid("Expected yes or no (1 or 0) for Meditated"),
    );
  });

  it("durations as minutes, H:MM or words", () => {
    expect(read("452", "sleep")).toEqual(value(452));
    expect(read("7:32", "sleep")).toEqual(value(452));
    expect(read("7:32:40", "sleep")).toEqual(value(453));
    expect(read("7h 32m", "sleep")).toEqual(value(452));
    expect(read("7.5 h", "sleep")).toEqual(value(450));
    expect(read("45 min", "sleep")).toEqual(value(45));
    expect(read("1500", "sleep")).toEqual(invalid("A day has at most 24 hours"));
    expect(read("7.5", "sleep")).toEqual(
      invalid("Enter Time asleep as minutes (452), H:MM (7:32) or 7h 32m"),
    );
  });

  it("times of day, 24-hour or 12-hour, as the value type stores them", () => {
    expect(read("07:15", "sleep_end")).toEqual(value(435));
    expect(read("7:15 am", "sleep_end")).toEqual(value(435));
    // Bedtime counts from midday: 22:00 is 600, 12:30 am is 750.
    expect(read("10:00 pm", "sleep_start")).toEqual(value(600));
    expect(read("12:30am", "sleep_start")).toEqual(value(750));
    expect(read("25:00", "sleep_end")).toEqual(invalid("Hours must be 0–23"));
    expect(read("soon", "sleep_end")).toEqual(invalid("Enter Wake time as a time, HH:MM"));
  });

  it("text within Exist's limit", () => {
    expect(read("  a good day  ", "mood_note")).toEqual(value("a good day"));
    expect(read("n".repeat(1001), "mood_note")).toEqual(
      invalid("Mood note is at most 1000 characters"),
    );
    expect(read("51.5072,-0.1276", "location")).toEqual(value("51.5072,-0.1276"));
    expect(read("home", "location")).toEqual(
      invalid("Enter Location as lat,lng, e.g. 51.5072,-0.1276"),
    );
  });
});

describe("reading clock cells", () => {
  it("durations", () => {
    expect(readDuration("90")).toEqual({ hours: "1", minutes: "30" });
    expect(readDuration("1:05")).toEqual({ hours: "1", minutes: "5" });
    expect(readDuration("2 hours")).toEqual({ hours: "2", minutes: "0" });
    expect(readDuration("1:60")).toBeNull();
    expect(readDuration("h")).toBeNull();
    expect(readDuration("")).toBeNull();
  });

  it("times of day", () => {
    expect(readTimeOfDay("23:15")).toBe("23:15");
    expect(readTimeOfDay("23:15:59")).toBe("23:15");
    expect(readTimeOfDay("12:00 pm")).toBe("12:00");
    expect(readTimeOfDay("12:00 a.m.")).toBe("00:00");
    expect(readTimeOfDay("7pm")).toBe("19:00");
    expect(readTimeOfDay("7")).toBeNull();
    expect(readTimeOfDay("13:00 pm")).toBeNull();
  });
});
