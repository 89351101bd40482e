import { describe, expect, it } from "vitest";
import { profileSchema } from "@/lib/exist/schemas";
import { withDayValue } from "@/lib/values/day-values";
import { shapeValues, userToday } from "./values";

const profile = profileSchema.parse({
  username: "demo",
  timezone: "Australia/Melbourne",
  local_time: "2026-12-01T09:15:00.000+11:00",
  imperial_weight: true,
});
const now = new Date("2026-11-30T22:15:00Z");

describe("GET /api/values' answer", () => {
  it("takes the user's today from the profile's local time, else their time zone", () => {
    expect(userToday(profile, now)).toBe("2026-12-01");
    expect(userToday({ ...profile, local_time: undefined }, now)).toBe("2026-12-01");
    expect(userToday({ ...profile, local_time: undefined, timezone: "Bad/Zone" }, now)).toBe(
      "2026-11-30",
    );
  });

  it("reads both shapes the same: days left out (live) or present with null (docs)", () => {
    const live = [{ name: "steps", value_type: 0, values: [{ date: "2026-11-29", value: 812 }] }];
    const docs = [
      {
        name: "steps",
        value_type: 0,
        values: [
          { date: "2026-12-01", value: null },
          { date: "2026-11-30", value: null },
          { date: "2026-11-29", value: 812 },
        ],
      },
    ];
    const fromLive = shapeValues(live, profile, now);
    expect(shapeValues(docs, profile, now)).toEqual(fromLive);
    expect(fromLive.days).toHaveLength(14);
    expect(fromLive.days[0]).toBe("2026-11-18");
    expect(fromLive.days.at(-1)).toBe("2026-12-01");
    expect(fromLive.values.steps?.series.slice(-3)).toEqual([812, null, null]);
    expect(fromLive.values.steps?.latest).toEqual({ date: "2026-11-29", value: 812 });
    expect(fromLive.units).toEqual({
      distance: false,
      weight: true,
      energy: false,
      liquid: false,
      temperature: false,
    });
    expect(fromLive.timezone).toBe("Australia/Melbourne");
  });

  it("has no latest value without data, and reads booleans as 0/1", () => {
    const shaped = shapeValues(
      [
        { name: "old", value_type: 0, values: [] },
        { name: "walk", value_type: 7, values: [{ date: "2026-12-01", value: true }] },
      ],
      profile,
      now,
    );
    expect(shaped.values.old).toEqual({ latest: null, series: Array(14).fill(null) });
    expect(shaped.values.walk?.latest).toEqual({ date: "2026-12-01", value: 1 });
  });
});

describe("withDayValue: a day Exist now holds, put into cached values", () => {
  const days = ["2026-11-29", "2026-11-30", "2026-12-01"];

  it("sets the day and makes it the latest when it is newer", () => {
    const current = { latest: { date: "2026-11-29", value: 3 }, series: [3, null, null] };
    expect(withDayValue(current, days, { name: "x", date: "2026-11-30", value: 7 })).toEqual({
      latest: { date: "2026-11-30", value: 7 },
      series: [3, 7, null],
    });
    // An older day changes the series only.
    const newer = { latest: { date: "2026-12-01", value: 1 }, series: [3, null, 1] };
    expect(withDayValue(newer, days, { name: "x", date: "2026-11-29", value: 4 })).toEqual({
      latest: { date: "2026-12-01", value: 1 },
      series: [4, null, 1],
    });
  });

  it("starts values for an attribute without any, and keeps a day outside the window as latest", () => {
    expect(withDayValue(undefined, days, { name: "x", date: "2026-12-02", value: 1 })).toEqual({
      latest: { date: "2026-12-02", value: 1 },
      series: [null, null, null],
    });
  });

  it("drops a day read back as empty, the latest falling back to the newest left", () => {
    const current = { latest: { date: "2026-12-01", value: 5 }, series: [2, null, 5] };
    expect(withDayValue(current, days, { name: "x", date: "2026-12-01", value: null })).toEqual({
      latest: { date: "2026-11-29", value: 2 },
      series: [2, null, null],
    });
  });
});
