import { describe, expect, it } from "vitest";
import { valueField, type ValueField } from "@/lib/values/field";
import { IMPERIAL, METRIC, custom, template } from "@/lib/values/test-fixtures";
import {
  logFormSchema,
  valueDateSchema,
  writeBodySchema,
  writeBodySchemaFor,
  type WriteContext,
} from "./values";

const ATTRIBUTES = new Map(
  ["steps", "weight", "mood", "mood_note", "sleep", "sleep_start", "body_fat"].map((name) => [
    name,
    template(name),
  ]),
);
ATTRIBUTES.set("meditated", custom("meditated", "Meditated", 7));

const context = (mode: WriteContext["mode"] = "update"): WriteContext => ({
  attribute: (name) => ATTRIBUTES.get(name),
  today: "2026-03-01",
  mode,
});

/** Each issue as "path: message". */
function issues(result: {
  success: boolean;
  error?: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> };
}) {
  return (result.error?.issues ?? []).map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("the write route's body", () => {
  it("takes values as Exist stores them, each checked by its attribute's value type", () => {
    const body = [
      { name: "steps", date: "2026-03-01", value: 8012 },
      { name: "weight", date: "2026-02-28", value: 75.069537 },
      { name: "mood", date: "2026-02-28", value: 7 },
      { name: "mood_note", date: "2026-02-28", value: "Slept well" },
      { name: "sleep", date: "2026-02-28", value: 452 },
      { name: "sleep_start", date: "2026-02-28", value: 810 },
      { name: "body_fat", date: "2026-02-28", value: 0.2422 },
      { name: "meditated", date: "2026-02-28", value: 1 },
    ];
    expect(writeBodySchemaFor(context()).parse(body)).toEqual(body);
  });

  it("names each value that does not fit, by index and field", () => {
    const result = writeBodySchemaFor(context()).safeParse([
      { name: "body_fat", date: "2026-02-28", value: 24.22 },
      { name: "mood", date: "2026-02-28", value: 10 },
      { name: "mood_note", date: "2026-02-28", value: "x".repeat(1001) },
      { name: "meditated", date: "2026-02-28", value: 2 },
      { name: "sleep", date: "2026-03-02", value: 60 },
      { name: "sleep", date: "2026-02-31", value: 60 },
      { name: "unknown_thing", date: "2026-02-28", value: 1 },
    ]);
    expect(issues(result)).toEqual([
      "5.date: 2026-02-31 is not a date on the calendar",
      "0.value: Body fat must be a fraction from 0 to 1 (24 % is 0.24)",
      "1.value: Mood must be a whole number from 1 to 9",
      "2.value: Mood note is at most 1000 characters",
      "3.value: Meditated must be 1 (yes) or 0 (no)",
      "4.date: The date can't be after today",
      "6.name: there is no attribute named unknown_thing",
    ]);
  });

  it("refuses a value that is neither a number nor a string before looking further", () => {
    const result = writeBodySchemaFor(context()).safeParse([
      { name: "meditated", date: "2026-02-28", value: true },
      { name: "mood", date: "2026-02-28", value: 10 },
    ]);
    expect(issues(result)).toEqual(["0.value: must be a number or a string"]);
  });

  it("refuses the same attribute and day twice", () => {
    const result = writeBodySchemaFor(context()).safeParse([
      { name: "steps", date: "2026-02-28", value: 1 },
      { name: "steps", date: "2026-02-28", value: 2 },
    ]);
    expect(issues(result)).toEqual(["1: steps on 2026-02-28 is in the body more than once"]);
  });

  it("in increment mode, takes amounts above 0 of what can be added to", () => {
    const schema = writeBodySchemaFor(context("increment"));
    expect(schema.safeParse([{ name: "steps", date: "2026-03-01", value: 700 }]).success).toBe(
      true,
    );
    expect(
      issues(
        schema.safeParse([
          { name: "steps", date: "2026-03-01", value: 0 },
          { name: "mood", date: "2026-03-01", value: 1 },
        ]),
      ),
    ).toEqual([
      "0.value: Steps must be added in an amount above 0",
      "1.value: Mood can't be added to: save the day's value instead",
    ]);
  });

  it("has the shape of Exist's update: a list of 1 to 1000 name/date/value objects", () => {
    const item = { name: "steps", date: "2026-02-28", value: 1 };
    expect(writeBodySchema.safeParse([]).success).toBe(false);
    expect(writeBodySchema.safeParse(Array(1000).fill(item)).success).toBe(true);
    expect(issues(writeBodySchema.safeParse(Array(1001).fill(item)))).toEqual([
      ": at most 1000 values per request",
    ]);
    expect(writeBodySchema.safeParse({ ...item }).success).toBe(false);
    expect(writeBodySchema.safeParse([{ ...item, extra: 1 }]).success).toBe(false);
    expect(writeBodySchema.safeParse([{ ...item, name: "Steps!" }]).success).toBe(false);
    expect(writeBodySchema.safeParse([{ ...item, value: null }]).success).toBe(false);
    expect(writeBodySchema.safeParse([{ ...item, value: true }]).success).toBe(false);
    expect(writeBodySchema.safeParse([{ name: "steps", value: 1 }]).success).toBe(false);
  });
});

describe("dates", () => {
  it("are real days up to today in the person's time zone", () => {
    const schema = valueDateSchema("2026-03-01");
    expect(schema.safeParse("2026-03-01").success).toBe(true);
    expect(schema.safeParse("2026-02-28").success).toBe(true);
    expect(issues(schema.safeParse("2026-03-02"))).toEqual([": The date can't be after today"]);
    expect(issues(schema.safeParse("2026-02-29"))).toEqual([
      ": 2026-02-29 is not a date on the calendar",
    ]);
    expect(issues(schema.safeParse("1/3/2026"))).toEqual([": Enter a date as YYYY-MM-DD"]);
  });
});

describe("the log form", () => {
  function form<F extends ValueField>(made: F | null, mode: "update" | "increment" = "update") {
    if (!made) throw new Error("no field");
    return logFormSchema(made, { name: "x", today: "2026-03-01", mode });
  }

  it("turns what was entered into the item the route takes", () => {
    const weight = valueField(template("weight"), IMPERIAL);
    const parsed = form(weight).parse({ date: "2026-02-28", value: "165.5" });
    expect(parsed).toEqual({ name: "x", date: "2026-02-28", value: 75.069537 });
    expect(writeBodySchemaFor(context()).safeParse([{ ...parsed, name: "weight" }]).success).toBe(
      true,
    );
  });

  it("puts each problem at its field", () => {
    const sleep = valueField(template("sleep"), METRIC);
    expect(
      issues(form(sleep).safeParse({ date: "2026-02-28", value: { hours: "7", minutes: "75" } })),
    ).toEqual(["value.minutes: Minutes must be 0–59"]);
    expect(
      issues(form(sleep).safeParse({ date: "2026-03-02", value: { hours: "7", minutes: "5" } })),
    ).toEqual(["date: The date can't be after today"]);
    const fat = valueField(template("body_fat"), METRIC);
    expect(issues(form(fat).safeParse({ date: "2026-02-28", value: "124" }))).toEqual([
      "value: Percent must be between 0 and 100",
    ]);
  });

  it("parses yes/no, durations and times, and refuses increments of what cannot be added to", () => {
    const tag = valueField(custom("meditated", "Meditated", 7), METRIC);
    expect(form(tag).parse({ date: "2026-03-01", value: true }).value).toBe(1);
    expect(issues(form(tag).safeParse({ date: "2026-03-01", value: null }))).toEqual([
      "value: Choose Yes or No",
    ]);
    const sleep = valueField(template("sleep"), METRIC);
    expect(
      form(sleep, "increment").parse({ date: "2026-03-01", value: { hours: "", minutes: "20" } })
        .value,
    ).toBe(20);
    const bedtime = valueField(template("sleep_start"), METRIC);
    expect(form(bedtime).parse({ date: "2026-03-01", value: "23:30" }).value).toBe(690);
    expect(
      issues(form(bedtime, "increment").safeParse({ date: "2026-03-01", value: "23:30" })),
    ).toEqual(["value: Bedtime can't be added to: save the day's value instead"]);
  });

  it("refuses a value of the wrong shape for the field", () => {
    const sleep = valueField(template("sleep"), METRIC);
    expect(form(sleep).safeParse({ date: "2026-03-01", value: "7:30" }).success).toBe(false);
    const steps = valueField(template("steps"), METRIC);
    expect(form(steps).safeParse({ date: "2026-03-01", value: 12 }).success).toBe(false);
    expect(form(steps).safeParse({ date: "2026-03-01" }).success).toBe(false);
  });
});
