import { describe, expect, it } from "vitest";
import type { FieldAttribute } from "@/lib/values/field";
import { custom, IMPERIAL, METRIC, template } from "@/lib/values/test-fixtures";
import { attributeWord, findAttribute, suggestMapping, unitsFromHeader } from "./suggest";
import { DAYLIO, LONG, LOOP, summaryOf, WIDE_DMY } from "./test-fixtures";

const ATTRIBUTES: FieldAttribute[] = [
  template("steps"),
  template("weight"),
  template("sleep"),
  template("mood"),
  template("mood_note"),
  custom("meditated", "Meditated", 7),
  custom("family", "Family", 7),
  { ...custom("time_in_nature", "Time in nature", 3, "health") },
];

describe("matching a header to an attribute", () => {
  it("by label or name, whatever the case, spaces or underscores", () => {
    const name = (key: string) => findAttribute(key, ATTRIBUTES)?.name ?? null;
    expect(name("Steps")).toBe("steps");
    expect(name("STEPS")).toBe("steps");
    expect(name("time_in_nature")).toBe("time_in_nature");
    expect(name("Time In Nature")).toBe("time_in_nature");
    expect(name("time-in-nature")).toBe("time_in_nature");
    expect(name("Time asleep")).toBe("sleep");
    expect(name("sleep")).toBe("sleep");
    expect(name("Mood note")).toBe("mood_note");
    expect(name("MOOD_NOTE")).toBe("mood_note");
    expect(name("Weight (lb)")).toBe("weight");
    expect(name("Weight [kg]")).toBe("weight");
    expect(name("Coffees")).toBeNull();
    expect(name("")).toBeNull();
    expect(name("(kg)")).toBeNull();
  });

  it("prefers a label over another attribute's name", () => {
    const both = [custom("sleep_quality", "Sleep", 8, "sleep"), template("sleep")];
    expect(findAttribute("sleep", both)?.name).toBe("sleep_quality");
  });

  it("leaves out attributes of a value type this app cannot write", () => {
    expect(findAttribute("Odd", [custom("odd", "Odd", 42, "misc")])).toBeNull();
  });

  it("compares words without accents or punctuation", () => {
    expect(attributeWord("Café-Visits (count)")).toBe("cafevisits");
  });

  it("reads a unit named in the header when it is not the person's", () => {
    expect(unitsFromHeader("Weight (lb)", template("weight"), METRIC)).toEqual({
      ...METRIC,
      weight: true,
    });
    expect(unitsFromHeader("Weight (kg)", template("weight"), IMPERIAL)).toEqual({
      ...IMPERIAL,
      weight: false,
    });
    expect(unitsFromHeader("Weight (kg)", template("weight"), METRIC)).toBeUndefined();
    expect(unitsFromHeader("Weight (stone)", template("weight"), METRIC)).toBeUndefined();
    expect(unitsFromHeader("Steps (count)", template("steps"), METRIC)).toBeUndefined();
  });
});

describe("the mapping suggested for a file", () => {
  it("wide: each column to its attribute, yes/no columns unmatched to new tags", () => {
    expect(suggestMapping(summaryOf(WIDE_DMY), ATTRIBUTES, METRIC)).toEqual({
      source: "spreadsheet",
      layout: "wide",
      dateColumn: 0,
      dateFormat: "dmy",
      decimalComma: true,
      columns: [
        null,
        { target: { kind: "attribute", name: "weight" }, units: { ...METRIC, weight: true } },
        { target: { kind: "attribute", name: "steps" } },
        { target: { kind: "attribute", name: "sleep" } },
        { target: { kind: "attribute", name: "meditated" } },
      ],
      rules: { weight: "mean", steps: "sum", sleep: "sum", meditated: "max" },
    });
    const unmatched = suggestMapping(
      summaryOf("date,Journaled,Notes\n2026-03-01,yes,fine\n"),
      ATTRIBUTES,
      METRIC,
    );
    expect(unmatched.layout === "wide" && unmatched.columns).toEqual([
      null,
      { target: { kind: "new-tag", label: "Journaled" } },
      null,
    ]);
    expect(unmatched.rules).toEqual({ "new-tag:journaled": "max" });
  });

  it("a file without a header has nothing to match", () => {
    const mapping = suggestMapping(summaryOf("2026-03-01,1,yes\n"), ATTRIBUTES, METRIC);
    expect(mapping.layout === "wide" && mapping.columns).toEqual([null, null, null]);
  });

  it("long: each key to its attribute", () => {
    expect(suggestMapping(summaryOf(LONG), ATTRIBUTES, METRIC)).toEqual({
      source: "spreadsheet",
      layout: "long",
      dateColumn: 0,
      dateFormat: "iso",
      decimalComma: false,
      keyColumn: 1,
      valueColumn: 2,
      keys: [
        { key: "Steps", mapped: { target: { kind: "attribute", name: "steps" } } },
        { key: "Weight", mapped: { target: { kind: "attribute", name: "weight" } } },
        { key: "Mood", mapped: { target: { kind: "attribute", name: "mood" } } },
        { key: "Meditated", mapped: { target: { kind: "attribute", name: "meditated" } } },
        { key: "Journaled", mapped: { target: { kind: "new-tag", label: "Journaled" } } },
      ],
      rules: {
        steps: "sum",
        weight: "mean",
        mood: "last",
        meditated: "max",
        "new-tag:journaled": "max",
      },
    });
  });

  it("Daylio: mood and note to Exist's, activities to tags, the mood table filled in", () => {
    expect(suggestMapping(summaryOf(DAYLIO), ATTRIBUTES, METRIC)).toEqual({
      source: "daylio",
      layout: "daylio",
      dateColumn: 0,
      dateFormat: "iso",
      decimalComma: false,
      moods: [
        { label: "rad", value: 9 },
        { label: "meh", value: 5 },
        { label: "amazing", value: null },
      ],
      mood: { target: { kind: "attribute", name: "mood" } },
      note: { target: { kind: "attribute", name: "mood_note" } },
      activities: [
        { key: "family", mapped: { target: { kind: "attribute", name: "family" } } },
        { key: "walk", mapped: { target: { kind: "new-tag", label: "walk" } } },
        { key: "work", mapped: { target: { kind: "new-tag", label: "work" } } },
      ],
      rules: {
        mood: "last",
        mood_note: "last",
        family: "max",
        "new-tag:walk": "max",
        "new-tag:work": "max",
      },
    });
  });

  it("Loop: habits to tags by name", () => {
    const mapping = suggestMapping(summaryOf(LOOP), ATTRIBUTES, METRIC);
    expect(mapping.source).toBe("loop");
    expect(mapping.layout === "wide" && mapping.columns).toEqual([
      null,
      { target: { kind: "new-tag", label: "Meditate" } },
      { target: { kind: "new-tag", label: "Run" } },
      null,
    ]);
  });
});
