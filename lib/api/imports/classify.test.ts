import { describe, expect, it } from "vitest";
import { classify, planRead, sameValue, windowsFor } from "@/lib/api/imports/classify";

describe("classify", () => {
  it("sorts each planned value into new, replace or unchanged, and counts the days Exist cannot empty", () => {
    const current = new Map<string, number | string>([
      ["2026-01-02", 5],
      ["2026-01-03", 72.4],
      ["2026-01-04", 1],
      ["2026-01-09", 3],
    ]);
    const result = classify(
      {
        days: ["2026-01-01", "2026-01-02", "2026-01-03", "2026-01-04"],
        values: [4, 6, 72.40000000000001, 1],
        emptyDays: ["2026-01-09", "2026-01-10"],
      },
      current,
    );
    expect(result).toMatchObject({ new: 1, replace: 1, unchanged: 2, cannotEmpty: 1 });
    expect(result.fates).toEqual(["new", "replace", "unchanged", "unchanged"]);
    expect(result.before).toEqual([null, 5, 72.4, 1]);
    expect(result.replaceSample).toEqual([{ date: "2026-01-02", before: 5, after: 6 }]);
  });

  it("keeps at most 5 samples of before → after", () => {
    const days = Array.from({ length: 8 }, (_, index) => `2026-02-0${index + 1}`);
    const current = new Map(days.map((day) => [day, 1]));
    const result = classify({ days, values: days.map(() => 2), emptyDays: [] }, current);
    expect(result.replace).toBe(8);
    expect(result.replaceSample).toHaveLength(5);
  });

  it("compares text exactly and numbers within float noise only", () => {
    expect(sameValue("Good day", "Good day")).toBe(true);
    expect(sameValue("Good day", "good day")).toBe(false);
    expect(sameValue(0.1 + 0.2, 0.3)).toBe(true);
    expect(sameValue(72.4, 72.5)).toBe(false);
  });
});

describe("planRead", () => {
  const days = (from: string, count: number) =>
    Array.from({ length: count }, (_, index) => {
      const day = new Date(`${from}T00:00:00Z`);
      day.setUTCDate(day.getUTCDate() + index);
      return day.toISOString().slice(0, 10);
    });

  it("covers the days with 31-day windows, none spent on a stretch without a day", () => {
    expect(windowsFor(days("2026-01-01", 62))).toEqual([
      { dateMax: "2026-03-03", days: 31 },
      { dateMax: "2026-01-31", days: 31 },
    ]);
    expect(windowsFor(["2020-05-01", "2026-05-01"])).toHaveLength(2);
  });

  it("reads 10 attributes over 3 years with with-values/: 36 calls, not 110", () => {
    const wanted = new Map(
      Array.from({ length: 10 }, (_, index) => [`a${index}`, days("2023-01-01", 1096)]),
    );
    expect(planRead(wanted)).toMatchObject({ method: "with-values", calls: 36 });
  });

  it("reads one attribute over 3 years with values/ pages: 11 calls, not 36", () => {
    const wanted = new Map([["weight", days("2023-01-01", 1096)]]);
    expect(planRead(wanted)).toEqual({ method: "values", calls: 11 });
  });

  it("pays one with-values/ call per 100 attributes a window", () => {
    const wanted = new Map(
      Array.from({ length: 150 }, (_, index) => [`a${index}`, days("2026-01-01", 20)]),
    );
    expect(planRead(wanted)).toMatchObject({ method: "with-values", calls: 2 });
  });
});
