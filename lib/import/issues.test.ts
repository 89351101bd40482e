import { describe, expect, it } from "vitest";
import { planIssue } from "./issues";
import { MAX_IMPORT_ATTRIBUTES, MAX_IMPORT_VALUES } from "./limits";

const planOf = (attributes: number, valueCount: number) => ({
  attributes: Array.from({ length: attributes }, () => ({}) as never),
  valueCount,
});

describe("a plan more than one import takes", () => {
  it("takes 200 attributes and 500,000 values", () => {
    expect(planIssue(planOf(MAX_IMPORT_ATTRIBUTES, MAX_IMPORT_VALUES))).toBeNull();
  });

  it("refuses 500,001 values, naming the count and the limit", () => {
    expect(planIssue(planOf(3, MAX_IMPORT_VALUES + 1))).toEqual({
      code: "too_many_values",
      message:
        "This file gives 500,001 values: at most 500,000 can be imported at once. Split it " +
        "into files of fewer days, or set some columns to Ignore.",
    });
  });

  it("refuses 201 attributes", () => {
    expect(planIssue(planOf(MAX_IMPORT_ATTRIBUTES + 1, 201))).toEqual({
      code: "too_many_attributes",
      message:
        "This file goes to 201 attributes: at most 200 can be imported at once. Set some to " +
        "Ignore, or split the file.",
    });
  });
});
