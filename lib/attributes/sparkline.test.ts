import { describe, expect, it } from "vitest";
import { METRIC } from "./format";
import { sparkline, sparklineLabel } from "./sparkline";

describe("sparkline", () => {
  it("breaks the line at a day without data and draws a lone value as a dot", () => {
    const line = sparkline([1, 2, null, 3, null, 4, 5]);
    expect(line?.path.match(/M/g)).toHaveLength(3);
    expect(line?.dots).toEqual([{ x: 42, y: 10 }]);
    expect(line?.path.startsWith("M0 18")).toBe(true);
  });

  it("draws nothing without data, and a flat line for equal values", () => {
    expect(sparkline([null, null])).toBeNull();
    expect(sparkline([5, 5])?.path).toBe("M0 10 L84 10");
    expect(sparkline([5, 6])?.path).toBe("M0 18 L84 2");
  });

  it("reads as a sentence with formatted values and the missing days", () => {
    const series = [8012, null, 2345, 13888, 9100];
    expect(sparklineLabel("Steps", series, { valueType: 0, name: "steps", units: METRIC })).toBe(
      "Steps, last 5 days: low 2,345, high 13,888, latest 9,100; no data on 1 day",
    );
    expect(sparklineLabel("Sleep", [null], { valueType: 3, name: "sleep", units: METRIC })).toBe(
      "Sleep, last 1 day: no data",
    );
  });
});
