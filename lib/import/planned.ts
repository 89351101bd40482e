/**
 * Reading a plan: its days as dates, its values as the items Exist's `update/` takes, and its
 * buffers to hand from the worker to the page without copying them.
 */
import type { ValueItem } from "@/lib/api/contract";
import type { StoredValue } from "@/lib/values/field";
import { dateOfDay } from "./days";
import type { ImportPlan, ImportTarget, PlannedAttribute } from "./types";

/** The attribute's days as `YYYY-MM-DD`, in order. */
export function plannedDates(planned: PlannedAttribute): string[] {
  return Array.from(planned.days, dateOfDay);
}

export function plannedValue(planned: PlannedAttribute, index: number): StoredValue {
  return planned.values[index] as StoredValue;
}

/** The attribute's values as a plain array (a copy). */
export function plannedValues(planned: PlannedAttribute): StoredValue[] {
  return Array.from(planned.values as ArrayLike<StoredValue>);
}

/** The attribute's name for each target: a new tag's is known once Exist has created it. */
export type NameOf = (target: ImportTarget) => string | null;

const ownName: NameOf = (target) => (target.kind === "attribute" ? target.name : null);

/**
 * Every planned value as an item for Exist, attribute by attribute and oldest first; targets
 * without a name yet (tags not created) are left out.
 */
export function* plannedItems(plan: ImportPlan, nameOf: NameOf = ownName): Generator<ValueItem> {
  for (const planned of plan.attributes) {
    const name = nameOf(planned.target);
    if (name === null) continue;
    for (let index = 0; index < planned.days.length; index++) {
      const value = plannedValue(planned, index);
      yield { name, date: dateOfDay(planned.days[index] as number), value };
    }
  }
}

/** The plan's typed arrays, for postMessage's transfer list: they move, they are not copied. */
export function planBuffers(plan: ImportPlan): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const { days, rows, emptyDays, values } of plan.attributes) {
    for (const array of [days, rows, emptyDays]) buffers.add(array.buffer as ArrayBuffer);
    if (values instanceof Float64Array) buffers.add(values.buffer as ArrayBuffer);
  }
  return [...buffers];
}
