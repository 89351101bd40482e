import { describe, expect, it } from "vitest";
import { filterAttributes, NO_FILTER } from "./filter";
import { makeAttribute, MOOD_GROUP } from "./test-fixtures";
import { firstRows, groupByExistGroup } from "./grouping";

const steps = makeAttribute();
const floors = makeAttribute({ name: "floors", label: "Floors", priority: 4 });
const mood = makeAttribute({ name: "mood", label: "Mood", group: MOOD_GROUP, manual: true });
const note = makeAttribute({
  name: "mood_note",
  label: "Mood note",
  group: MOOD_GROUP,
  priority: 2,
  ownedByApp: true,
});

describe("groupByExistGroup", () => {
  it("orders groups by group priority, then attributes by priority", () => {
    const groups = groupByExistGroup([note, floors, mood, steps]);
    expect(groups.map((entry) => entry.group.name)).toEqual(["activity", "mood"]);
    expect(groups[0]?.items.map((a) => a.name)).toEqual(["steps", "floors"]);
    expect(groups[1]?.items.map((a) => a.name)).toEqual(["mood", "mood_note"]);
  });
});

describe("firstRows", () => {
  const groups = groupByExistGroup([note, floors, mood, steps]);
  const names = (limit: number) =>
    firstRows(groups, limit).map((entry) => [entry.group.name, entry.items.map((a) => a.name)]);

  it("keeps the first items in order and every group, later ones empty", () => {
    expect(names(3)).toEqual([
      ["activity", ["steps", "floors"]],
      ["mood", ["mood"]],
    ]);
    expect(names(1)).toEqual([
      ["activity", ["steps"]],
      ["mood", []],
    ]);
  });

  it("answers the same groups when nothing is cut (no new render of the rows)", () => {
    expect(firstRows(groups, 4)).toBe(groups);
    expect(firstRows(groups, Infinity)).toBe(groups);
  });
});

describe("filterAttributes", () => {
  const all = [steps, floors, mood, note];
  it("matches label and name, ignoring case", () => {
    expect(filterAttributes(all, { ...NO_FILTER, query: "FLO" })).toEqual([floors]);
    expect(filterAttributes(all, { ...NO_FILTER, query: "mood_n" })).toEqual([note]);
  });
  it("filters by group and by ownership", () => {
    expect(filterAttributes(all, { ...NO_FILTER, group: "mood" })).toEqual([mood, note]);
    expect(filterAttributes(all, { ...NO_FILTER, ownedByAppOnly: true })).toEqual([note]);
  });
});
