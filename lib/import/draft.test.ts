import { describe, expect, it } from "vitest";
import { template } from "@/lib/values/test-fixtures";
import { draftBody } from "./draft";
import { planImport } from "./plan";
import { suggestMapping } from "./suggest";
import { LONG, summaryOf, tableOf } from "./test-fixtures";

const METRIC = { distance: false, weight: false, energy: false, liquid: false, temperature: false };

describe("the draft the page sends for a preview", () => {
  it("holds each attribute's days, values and rows as plain arrays, and new tags by label", () => {
    const attributes = [template("steps"), template("weight"), template("mood")];
    const mapping = suggestMapping(summaryOf(LONG), attributes, METRIC);
    const context = { attributes, units: METRIC, today: "2026-04-01", timezone: "Europe/London" };
    const body = draftBody("long.csv", planImport(tableOf(LONG), mapping, context));
    expect(body.fileName).toBe("long.csv");
    const steps = body.attributes.find((item) => item.name === "steps");
    expect(steps).toMatchObject({ days: ["2026-03-01"], values: [7500], rows: [3], emptyDays: [] });
    const tag = body.attributes.find((item) => item.newTagLabel === "Journaled");
    expect(tag).toMatchObject({ name: null, days: ["2026-03-02"], values: [1] });
    expect(JSON.parse(JSON.stringify(body))).toEqual(body);
  });
});
