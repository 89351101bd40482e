import { describe, expect, it } from "vitest";
import { withDayValue, withDayValues } from "./day-values";

const days = ["2026-03-01", "2026-03-02", "2026-03-03"];

describe("withDayValue", () => {
  it("puts a written day into the series and makes it the latest when it is newer", () => {
    const current = { latest: { date: "2026-03-01", value: 70 }, series: [70, null, null] };
    expect(
      withDayValue(current, days, { name: "weight", date: "2026-03-03", value: 72.5 }),
    ).toEqual({ latest: { date: "2026-03-03", value: 72.5 }, series: [70, null, 72.5] });
  });

  it("keeps a newer latest when an older day is written", () => {
    const current = { latest: { date: "2026-03-03", value: 3 }, series: [null, null, 3] };
    expect(withDayValue(current, days, { name: "coffees", date: "2026-03-01", value: 2 })).toEqual({
      latest: { date: "2026-03-03", value: 3 },
      series: [2, null, 3],
    });
  });

  it("changes only the latest for a day before the window", () => {
    const current = { latest: null, series: [null, null, null] };
    expect(withDayValue(current, days, { name: "mood", date: "2026-01-01", value: 5 })).toEqual({
      latest: { date: "2026-01-01", value: 5 },
      series: [null, null, null],
    });
  });

  it("falls back to the newest value left when the latest day reads back empty", () => {
    const current = { latest: { date: "2026-03-03", value: 4 }, series: [1, null, 4] };
    expect(withDayValue(current, days, { name: "x", date: "2026-03-03", value: null })).toEqual({
      latest: { date: "2026-03-01", value: 1 },
      series: [1, null, null],
    });
  });
});

describe("withDayValues", () => {
  it("gives an attribute without values (a new tag) a series of its own", () => {
    const next = withDayValues({}, days, [{ name: "swim", date: "2026-03-02", value: 1 }]);
    expect(next.swim).toEqual({
      latest: { date: "2026-03-02", value: 1 },
      series: [null, 1, null],
    });
  });
});
