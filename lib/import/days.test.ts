import { describe, expect, it } from "vitest";
import { dateOfDay, dayNumber } from "./days";

describe("days as numbers", () => {
  it("count from 1970-01-01, both ways", () => {
    expect(dayNumber("1970-01-01")).toBe(0);
    expect(dayNumber("1970-01-02")).toBe(1);
    expect(dayNumber("2026-03-01")).toBe(20513);
    expect(dayNumber("1969-12-31")).toBe(-1);
    expect(dateOfDay(20513)).toBe("2026-03-01");
    expect(dateOfDay(-1)).toBe("1969-12-31");
    for (const date of ["2028-02-29", "2026-12-31", "1900-03-01", "2000-02-29"]) {
      expect(dateOfDay(dayNumber(date)), date).toBe(date);
    }
  });
});
