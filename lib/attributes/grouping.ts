import type { Group as ExistGroup } from "@/lib/api/contract";
import type { Attribute } from "./types";

type Grouped = { group: ExistGroup; priority: number };

export type GroupOf<T extends Grouped> = { group: ExistGroup; items: T[] };

/**
 * Items grouped by Exist group, in Exist's order: group priority, then item priority
 * (https://developer.exist.io/reference/object_types/#attributes). Ties keep the order given.
 */
export function groupByExistGroup<T extends Grouped>(items: readonly T[]): GroupOf<T>[] {
  const byGroup = new Map<string, GroupOf<T>>();
  for (const item of items) {
    const entry = byGroup.get(item.group.name);
    if (entry) entry.items.push(item);
    else byGroup.set(item.group.name, { group: item.group, items: [item] });
  }
  const groups = [...byGroup.values()].sort((a, b) => a.group.priority - b.group.priority);
  for (const entry of groups) entry.items.sort((a, b) => a.priority - b.priority);
  return groups;
}

export type AttributeGroup = GroupOf<Attribute>;

/** The distinct groups of a list, in Exist's order (for the group filter). */
export function listGroups(items: readonly Grouped[]): ExistGroup[] {
  return groupByExistGroup(items).map((entry) => entry.group);
}

/**
 * Rows in the server's HTML and the page's first render: more than any screen shows. A longer
 * list (`heavy` has 600) renders the rest right after hydration, in a transition that yields to
 * input, so its first paint does not wait for megabytes of rows (bench/browser.ts).
 */
export const FIRST_ROWS = 40;

/**
 * The groups with only their first `limit` items in all, in order; every group stays (later ones
 * empty), so their headings are there for a link to them.
 */
export function firstRows<T extends Grouped>(groups: GroupOf<T>[], limit: number): GroupOf<T>[] {
  let left = limit;
  let cut = false;
  const result = groups.map((entry) => {
    if (entry.items.length <= left) {
      left -= entry.items.length;
      return entry;
    }
    cut = true;
    const items = entry.items.slice(0, left);
    left = 0;
    return { group: entry.group, items };
  });
  return cut ? result : groups;
}
