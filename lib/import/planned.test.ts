import { describe, expect, it } from "vitest";
import { planBuffers, plannedDates, plannedItems } from "./planned";
import type { ImportPlan, PlannedAttribute } from "./types";

const steps: PlannedAttribute = {
  target: { kind: "attribute", name: "steps" },
  key: "steps",
  label: "Steps",
  valueType: 0,
  rule: "sum",
  days: Int32Array.from([20513, 20514]),
  values: Float64Array.from([8000, 9500]),
  rows: Int32Array.from([2, 3]),
  combined: 0,
  rounded: 0,
  invalid: 0,
  emptyDays: Int32Array.from([20515]),
};
const note: PlannedAttribute = {
  ...steps,
  target: { kind: "attribute", name: "mood_note" },
  key: "mood_note",
  valueType: 2,
  days: Int32Array.from([20513]),
  values: ["a good day"],
  rows: Int32Array.from([2]),
  emptyDays: new Int32Array(0),
};
const tag: PlannedAttribute = {
  ...steps,
  target: { kind: "new-tag", label: "Walk" },
  key: "new-tag:walk",
  valueType: 7,
  days: Int32Array.from([20514]),
  values: Float64Array.from([1]),
  rows: Int32Array.from([3]),
  emptyDays: new Int32Array(0),
};
const plan: ImportPlan = {
  attributes: [steps, note, tag],
  invalid: [],
  invalidCount: 0,
  valueCount: 4,
  firstDate: "2026-03-01",
  lastDate: "2026-03-02",
};

describe("reading a plan", () => {
  it("gives its days as dates", () => {
    expect(plannedDates(steps)).toEqual(["2026-03-01", "2026-03-02"]);
  });

  it("gives its values as items for Exist, new tags once they have a name", () => {
    expect([...plannedItems(plan)]).toEqual([
      { name: "steps", date: "2026-03-01", value: 8000 },
      { name: "steps", date: "2026-03-02", value: 9500 },
      { name: "mood_note", date: "2026-03-01", value: "a good day" },
    ]);
    const named = [...plannedItems(plan, (target) => (target.kind === "new-tag" ? "walk" : null))];
    expect(named).toEqual([{ name: "walk", date: "2026-03-02", value: 1 }]);
  });

  it("hands its typed arrays over without copying them", () => {
    const buffers = planBuffers(plan);
    expect(buffers).toHaveLength(11);
    const moved = structuredClone(plan, { transfer: buffers });
    expect(Array.from(moved.attributes[0]?.values as Float64Array)).toEqual([8000, 9500]);
    expect(steps.days.length).toBe(0);
  });
});
