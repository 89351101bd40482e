import { describe, expect, it } from "vitest";
import { filterAttributes, filterFromParams, filterToSearch, NO_FILTER } from "./filter";
import { ownerCounts } from "./owners";
import { APP_SERVICE, makeAttribute } from "./test-fixtures";

const oura = { name: "oura", label: "Oura" };
const list = [
  makeAttribute(),
  makeAttribute({ name: "sleep", label: "Time asleep", service: oura }),
  makeAttribute({ name: "hrv", label: "HRV", service: oura }),
  makeAttribute({ name: "mood", label: "Mood", service: APP_SERVICE, ownedByApp: true }),
  makeAttribute({ name: "gym", label: "Gym", service: null, active: false }),
];

describe("ownerCounts", () => {
  it("counts this app, each service by size, inactive, and not getting data", () => {
    expect(ownerCounts(list, new Set(["hrv", "mood"]))).toEqual([
      { key: "this-app", label: "This app", count: 1 },
      { key: "oura", label: "Oura", count: 2 },
      { key: "googlefit", label: "Google Fit", count: 1 },
      { key: "inactive", label: "Inactive", count: 1 },
      { key: "not-getting-data", label: "Not getting data", count: 2 },
    ]);
    expect(ownerCounts(list, null).map((owner) => owner.key)).not.toContain("not-getting-data");
  });
});

describe("owner filter and the URL", () => {
  it("filters by owner, this app, inactive and not getting data", () => {
    const names = (owner: string, stalled = new Set<string>()) =>
      filterAttributes(list, { ...NO_FILTER, owner }, stalled).map((a) => a.name);
    expect(names("oura")).toEqual(["sleep", "hrv"]);
    expect(names("this-app")).toEqual(["mood"]);
    expect(names("inactive")).toEqual(["gym"]);
    expect(names("not-getting-data", new Set(["hrv"]))).toEqual(["hrv"]);
    expect(names("")).toHaveLength(5);
  });

  it("round-trips through the query string, leaving out what is not set", () => {
    const filter = { query: "sleep", group: "sleep", owner: "oura", ownedByAppOnly: true };
    const search = filterToSearch(filter);
    expect(search).toBe("?q=sleep&group=sleep&owner=oura&mine=1");
    expect(filterFromParams(Object.fromEntries(new URLSearchParams(search)))).toEqual(filter);
    expect(filterToSearch(NO_FILTER)).toBe("");
    expect(filterFromParams({ q: ["a", "b"] }).query).toBe("a");
  });
});
