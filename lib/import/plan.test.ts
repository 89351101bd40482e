import { describe, expect, it } from "vitest";
import type { FieldAttribute } from "@/lib/values/field";
import { custom, METRIC, template } from "@/lib/values/test-fixtures";
import { MAX_INVALID_DETAILS } from "./limits";
import { planImport, type PlanContext } from "./plan";
import { suggestMapping } from "./suggest";
import {
  DAYLIO,
  LONG,
  LOOP,
  plainPlan,
  summaryOf,
  tableOf,
  WIDE_DMY,
  type PlainAttribute,
} from "./test-fixtures";
import type { ImportMapping, WideMapping } from "./types";

const ATTRIBUTES: FieldAttribute[] = [
  template("steps"),
  template("weight"),
  template("sleep"),
  template("mood"),
  template("mood_note"),
  template("water"),
  custom("meditated", "Meditated", 7),
  custom("family", "Family", 7),
];

const CONTEXT: PlanContext = {
  attributes: ATTRIBUTES,
  units: METRIC,
  today: "2026-03-10",
  timezone: "Europe/London",
};

function planned(
  attribute: Partial<PlainAttribute> & Pick<PlainAttribute, "key" | "label">,
): PlainAttribute {
  return {
    target: { kind: "attribute", name: attribute.key },
    valueType: 0,
    rule: "last",
    dates: [],
    values: [],
    rows: [],
    combined: 0,
    rounded: 0,
    emptyDates: [],
    ...attribute,
  };
}

function plan(text: string, change: (mapping: ImportMapping) => ImportMapping = (m) => m) {
  const mapping = change(suggestMapping(summaryOf(text), ATTRIBUTES, METRIC));
  return plainPlan(planImport(tableOf(text), mapping, CONTEXT));
}

const byKey = (result: ReturnType<typeof plan>, key: string) =>
  result.attributes.find((attribute) => attribute.key === key);

describe("the plan of a wide file", () => {
  it("one metric value per attribute and day; several rows by the rule; bad rows reported", () => {
    expect(plan(WIDE_DMY)).toEqual({
      attributes: [
        planned({
          key: "weight",
          label: "Weight",
          valueType: 1,
          rule: "mean",
          dates: ["2026-03-01", "2026-03-02"],
          // 160.5 lb, and the mean of 161 and 163 lb, in kg.
          values: [72.801575, 73.481964],
          rows: [2, 4],
          combined: 1,
        }),
        planned({
          key: "steps",
          label: "Steps",
          rule: "sum",
          dates: ["2026-03-01", "2026-03-02"],
          values: [8000, 10500],
          rows: [2, 4],
          combined: 1,
        }),
        planned({
          key: "sleep",
          label: "Time asleep",
          valueType: 3,
          rule: "sum",
          dates: ["2026-03-01", "2026-03-02"],
          values: [450, 452],
          rows: [2, 3],
        }),
        planned({
          key: "meditated",
          label: "Meditated",
          valueType: 7,
          rule: "max",
          dates: ["2026-03-01", "2026-03-02"],
          values: [1, 1],
          rows: [2, 4],
          combined: 1,
        }),
      ],
      invalid: [
        { row: 5, column: "Datum", cell: "13/03/2026", reason: "The date can't be after today" },
      ],
      invalidCount: 1,
      valueCount: 8,
      firstDate: "2026-03-01",
      lastDate: "2026-03-02",
    });
  });

  it("reads the other way when the person chooses month/day/year", () => {
    const text = "date,steps\n03/01/2026,100\n03/02/2026,200\n02/30/2026,300\n";
    const result = plan(text, (mapping) => ({ ...mapping, dateFormat: "mdy" }));
    expect(byKey(result, "steps")?.dates).toEqual(["2026-03-01", "2026-03-02"]);
    expect(result.invalid).toEqual([
      {
        row: 4,
        column: "date",
        cell: "02/30/2026",
        reason: "02/30/2026 is not a date on the calendar",
      },
    ]);
    const asDmy = plan("date,steps\n03/01/2026,100\n", (m) => ({ ...m, dateFormat: "dmy" }));
    expect(byKey(asDmy, "steps")?.dates).toEqual(["2026-01-03"]);
  });

  it("reports each cell that gives no value, with its row and reason", () => {
    const text = [
      "date,steps,weight,mood_note",
      "2026-03-01,-5,72.5,=1+1",
      "2026-03-02,=SUM(B2:B3),heavy,",
      ",100,70,",
      "2026-02-31,100,70,",
      "soon,1,1,",
    ].join("\n");
    const result = plan(text);
    expect(result.invalid).toEqual([
      { row: 2, column: "steps", cell: "-5", reason: "Steps can't be negative" },
      {
        row: 3,
        column: "steps",
        cell: "=SUM(B2:B3)",
        reason: "=SUM(B2:B3) is a spreadsheet formula, not a value: export the values instead",
      },
      { row: 3, column: "weight", cell: "heavy", reason: "Enter a number" },
      { row: 4, column: "date", cell: "", reason: "The row has no date" },
      {
        row: 5,
        column: "date",
        cell: "2026-02-31",
        reason: "2026-02-31 is not a date on the calendar",
      },
      {
        row: 6,
        column: "date",
        cell: "soon",
        reason: '"soon" is not a date written as YYYY-MM-DD',
      },
    ]);
    // The formula in a note stays text: it is never evaluated.
    expect(byKey(result, "mood_note")?.values).toEqual(["=1+1"]);
    expect(byKey(result, "mood_note")?.emptyDates).toEqual(["2026-03-02"]);
  });

  it("keeps the days a file leaves empty apart: they cannot be emptied in Exist", () => {
    const result = plan("date,steps,weight\n2026-03-01,100,\n2026-03-02,,70\n2026-03-02,5,\n");
    expect(byKey(result, "steps")).toMatchObject({
      dates: ["2026-03-01", "2026-03-02"],
      values: [100, 5],
      emptyDates: [],
    });
    expect(byKey(result, "weight")).toMatchObject({
      dates: ["2026-03-02"],
      values: [70],
      emptyDates: ["2026-03-01"],
    });
  });

  it("follows the rule chosen, and refuses a day whose combined value does not fit", () => {
    const text = "date,sleep,sleep\n2026-03-01,600,500\n2026-03-02,900,700\n2026-03-03,1000,\n";
    const summed = plan(text, (mapping) => {
      const wide = mapping as WideMapping;
      return { ...wide, columns: [null, wide.columns[1] ?? null, wide.columns[1] ?? null] };
    });
    expect(byKey(summed, "sleep")).toMatchObject({
      rule: "sum",
      dates: ["2026-03-01", "2026-03-03"],
      values: [1100, 1000],
    });
    expect(summed.invalid).toEqual([
      {
        row: 3,
        column: "Time asleep",
        cell: "1600",
        reason:
          "Time asleep must be whole minutes, at most 1440 (a day) (rows of 2026-03-02 combined)",
      },
    ]);
    const highest = plan(text, (mapping) => {
      const wide = mapping as WideMapping;
      const column = wide.columns[1] ?? null;
      return { ...wide, columns: [null, column, column], rules: { sleep: "max" } };
    });
    expect(byKey(highest, "sleep")?.values).toEqual([600, 900, 1000]);
    // A rule that does not apply to the value type falls back to the default.
    const note = plan("date,mood note\n2026-03-01,a\n2026-03-01,b\n", (m) => ({
      ...m,
      rules: { mood_note: "sum" },
    }));
    expect(byKey(note, "mood_note")).toMatchObject({ rule: "last", values: ["b"], combined: 1 });
  });

  it("says so for an attribute the person does not have, and skips ignored columns", () => {
    const text = "date,steps,coffees,notes\n2026-03-01,1,2,x\n2026-03-02,3,,y\n";
    const result = plan(text, (mapping) => {
      const wide = mapping as WideMapping;
      const coffees = { target: { kind: "attribute", name: "coffees" } } as const;
      return { ...wide, columns: [null, wide.columns[1] ?? null, coffees, null] };
    });
    expect(result.attributes.map((attribute) => attribute.key)).toEqual(["steps"]);
    expect(result.invalid).toEqual([
      { row: 2, column: "coffees", cell: "2", reason: "There is no attribute named coffees" },
    ]);
  });

  it("rounds to the places the unit shows, and counts them", () => {
    const result = plan("date,weight\n2026-03-01,72.53\n2026-03-02,72.5\n");
    expect(byKey(result, "weight")).toMatchObject({ values: [72.5, 72.5], rounded: 1 });
  });

  it("moves a time with an offset to the person's day", () => {
    const text = "time,steps\n2026-03-01T23:30:00Z,100\n";
    const mapping = suggestMapping(summaryOf(text), ATTRIBUTES, METRIC);
    const tokyo = { ...CONTEXT, timezone: "Asia/Tokyo" };
    const result = plainPlan(planImport(tableOf(text), mapping, tokyo));
    expect(byKey(result, "steps")?.dates).toEqual(["2026-03-02"]);
  });

  it("keeps the details of the first 100,000 invalid cells, and counts them all", () => {
    const rows = "later,1\n".repeat(MAX_INVALID_DETAILS + 5);
    const result = planImport(
      tableOf(`date,steps\n2026-03-01,1\n${rows}`),
      suggestMapping(summaryOf("date,steps\n2026-03-01,1\n"), ATTRIBUTES, METRIC),
      CONTEXT,
    );
    expect(result.invalidCount).toBe(MAX_INVALID_DETAILS + 5);
    expect(result.invalid).toHaveLength(MAX_INVALID_DETAILS);
    expect(result.valueCount).toBe(1);
  });

  it("reports progress as it reads the rows", () => {
    const rows = Array.from({ length: 25_000 }, (_, i) => `2026-03-01,${i}`).join("\n");
    const text = `date,steps\n${rows}`;
    const fractions: number[] = [];
    planImport(tableOf(text), suggestMapping(summaryOf(text), ATTRIBUTES, METRIC), CONTEXT, {
      onProgress: (fraction) => fractions.push(fraction),
    });
    expect(fractions).toEqual([0, 0.4, 0.8, 1]);
  });
});

describe("the plan of a long file", () => {
  it("reads each key's values through its attribute, new tags by label", () => {
    const result = plan(LONG, (mapping) => ({
      ...mapping,
      rules: { ...mapping.rules, steps: "max" },
    }));
    expect(result.attributes.map(({ key, dates, values }) => ({ key, dates, values }))).toEqual([
      { key: "steps", dates: ["2026-03-01"], values: [4000] },
      { key: "weight", dates: ["2026-03-01"], values: [72.5] },
      { key: "mood", dates: ["2026-03-02"], values: [7] },
      { key: "meditated", dates: ["2026-03-02"], values: [1] },
      { key: "new-tag:journaled", dates: ["2026-03-02"], values: [1] },
    ]);
    expect(byKey(result, "new-tag:journaled")).toMatchObject({
      target: { kind: "new-tag", label: "Journaled" },
      label: "Journaled",
      valueType: 7,
      rule: "max",
    });
    expect(result.invalidCount).toBe(0);
  });

  it("skips keys that are ignored", () => {
    const result = plan(LONG, (mapping) =>
      mapping.layout === "long"
        ? {
            ...mapping,
            keys: mapping.keys.map((k) => (k.key === "Steps" ? { ...k, mapped: null } : k)),
          }
        : mapping,
    );
    expect(byKey(result, "steps")).toBeUndefined();
    expect(result.valueCount).toBe(4);
  });
});

describe("the plan of a Daylio export", () => {
  it("moods through the table, the day's latest entry kept; activities as tags; notes joined", () => {
    const result = plan(DAYLIO, (mapping) =>
      mapping.layout === "daylio"
        ? {
            ...mapping,
            moods: mapping.moods.map((m) => (m.label === "amazing" ? { ...m, value: 8 } : m)),
          }
        : mapping,
    );
    expect(
      result.attributes.map(({ key, dates, values, rows }) => ({ key, dates, values, rows })),
    ).toEqual([
      { key: "mood", dates: ["2026-03-01", "2026-03-02"], values: [8, 9], rows: [4, 2] },
      {
        key: "mood_note",
        dates: ["2026-03-02"],
        values: ["Monday\nEarly start\n\nDinner out"],
        rows: [3],
      },
      { key: "family", dates: ["2026-03-02"], values: [1], rows: [2] },
      { key: "new-tag:walk", dates: ["2026-03-02"], values: [1], rows: [2] },
      { key: "new-tag:work", dates: ["2026-03-02"], values: [1], rows: [3] },
    ]);
    expect(byKey(result, "mood")).toMatchObject({ rule: "last", combined: 1 });
    expect(result.invalidCount).toBe(0);
  });

  it("reports a mood the table leaves unset", () => {
    const result = plan(DAYLIO);
    expect(result.invalid).toEqual([
      {
        row: 4,
        column: "mood",
        cell: "amazing",
        reason: `The mood "amazing" has no step on Exist's mood scale yet: set it in the mood table`,
      },
    ]);
    expect(byKey(result, "mood")?.dates).toEqual(["2026-03-02"]);
  });
});

describe("the plan of a Loop Habit Tracker export", () => {
  it("done is yes, not done is no, skipped and unknown days are empty; numbers divided by 1000", () => {
    const result = plan(LOOP, (mapping) => {
      const wide = mapping as WideMapping;
      const water = { target: { kind: "attribute", name: "water" } } as const;
      return { ...wide, columns: [null, wide.columns[1] ?? null, wide.columns[2] ?? null, water] };
    });
    expect(
      result.attributes.map(({ key, dates, values, emptyDates }) => ({
        key,
        dates,
        values,
        emptyDates,
      })),
    ).toEqual([
      {
        key: "new-tag:meditate",
        dates: ["2026-03-02"],
        values: [1],
        emptyDates: ["2026-02-28", "2026-03-01"],
      },
      {
        key: "new-tag:run",
        dates: ["2026-02-28", "2026-03-01", "2026-03-02"],
        values: [1, 0, 0],
        emptyDates: [],
      },
      // Loop's 2500 is 2.5: read in ml, Water takes whole millilitres.
      { key: "water", dates: ["2026-02-28"], values: [1], emptyDates: ["2026-03-01"] },
    ]);
    expect(result.invalid).toEqual([
      { row: 2, column: "Water", cell: "2500", reason: "Enter a whole number" },
    ]);
  });
});

describe("a day's several rows: earliest and latest by time, not by place in the file", () => {
  const rules = (rule: "first" | "last") => (mapping: ImportMapping) => ({
    ...mapping,
    rules: { weight: rule },
  });

  it("by the time written with the date, whatever the rows' order", () => {
    const text =
      "date,weight\n2026-03-02 21:00,72\n2026-03-02 07:30,71\n2026-03-01 08:00,70\n2026-03-01,69\n";
    expect(byKey(plan(text, rules("last")), "weight")).toMatchObject({
      dates: ["2026-03-01", "2026-03-02"],
      values: [70, 72],
      rows: [4, 2],
    });
    expect(byKey(plan(text, rules("first")), "weight")).toMatchObject({
      values: [69, 71],
      rows: [5, 3],
    });
  });

  it("without times, the upper row is the later in a file listing the newest first", () => {
    const newest = "date,weight\n2026-03-02,72\n2026-03-02,71\n2026-03-01,70\n2026-03-01,69\n";
    expect(byKey(plan(newest, rules("last")), "weight")?.values).toEqual([70, 72]);
    expect(byKey(plan(newest, rules("first")), "weight")?.values).toEqual([69, 71]);
    const oldest = "date,weight\n2026-03-01,69\n2026-03-01,70\n2026-03-02,71\n2026-03-02,72\n";
    expect(byKey(plan(oldest, rules("last")), "weight")?.values).toEqual([70, 72]);
    expect(byKey(plan(oldest, rules("first")), "weight")?.values).toEqual([69, 71]);
  });

  it("a long file's rows the same way", () => {
    const text = "date,attribute,value\n2026-03-02T21:00,weight,72\n2026-03-02T07:30,weight,71\n";
    expect(byKey(plan(text, rules("last")), "weight")?.values).toEqual([72]);
    expect(byKey(plan(text, rules("first")), "weight")?.values).toEqual([71]);
  });
});

describe("invalid cells per attribute", () => {
  it("counts each attribute's cells that give no value; a bad date only in the total", () => {
    const text = "date,steps,weight\n2026-03-01,abc,70\n2026-03-02,1.5,heavy\n2026-02-31,10,71\n";
    const result = planImport(
      tableOf(text),
      suggestMapping(summaryOf(text), ATTRIBUTES, METRIC),
      CONTEXT,
    );
    const invalid = Object.fromEntries(result.attributes.map((a) => [a.key, a.invalid]));
    expect(invalid).toEqual({ steps: 2, weight: 1 });
    expect(result.invalidCount).toBe(4);
  });
});
