import type { Group } from "@/lib/api/contract";
import type { BulkAction } from "./bulk";
import { groupByExistGroup } from "./grouping";
import type { Attribute } from "./types";
import { releaseTarget } from "./wording";

export type GroupSummary = { group: Group; text: string };

const count = (n: number) => `${n} ${n === 1 ? "attribute" : "attributes"}`;

function listed(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/**
 * One sentence per group on what a bulk change does to the data. Acquire: this app writes only
 * what the person logs, so every one of them stops getting data from its service. Release: who takes over (data resumes from them),
 * and how many become inactive.
 */
export function bulkGroupSummaries(
  action: BulkAction,
  changes: readonly Attribute[],
): GroupSummary[] {
  return groupByExistGroup(changes).map(({ group, items }) => {
    if (action === "acquire") {
      const writers = [
        ...new Set(items.flatMap((a) => (a.service && !a.ownedByApp ? [a.service.label] : []))),
      ];
      const from = writers.length ? ` from ${listed(writers)}` : "";
      return {
        group,
        text: `${group.label}: ${count(items.length)}${from} will get no new data while this app owns them, other than what you log here.`,
      };
    }
    const takers = new Map<string, number>();
    let inactive = 0;
    for (const attribute of items) {
      const target = releaseTarget(attribute);
      if (target) takers.set(target.label, (takers.get(target.label) ?? 0) + 1);
      else inactive += 1;
    }
    const parts = [...takers].map(([label, n]) => `${n} to ${label}, whose data resumes`);
    if (inactive)
      parts.push(`${inactive} become${inactive === 1 ? "s" : ""} inactive with no new data`);
    return { group, text: `${group.label}: ${parts.join("; ")}.` };
  });
}
