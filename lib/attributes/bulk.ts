import { canWrite, needsManual, type WriteAccess } from "@/lib/scopes";
import type { Attribute } from "./types";
import { releaseTarget } from "./wording";
import type { AcquireItem, ReleaseItem } from "@/lib/validations/ownership";

export type BulkAction = "acquire" | "release";

export type BulkPlan = {
  /** Attributes that would change, in list order. */
  changes: Attribute[];
  /** Selected but left alone: already in the wanted state, or not writable. */
  skipped: number;
};

export function planBulk(
  action: BulkAction,
  selected: readonly Attribute[],
  access: WriteAccess,
): BulkPlan {
  const changes = selected.filter(
    (attribute) =>
      canWrite(attribute, access) &&
      (action === "acquire" ? !attribute.ownedByApp : attribute.ownedByApp),
  );
  return { changes, skipped: selected.length - changes.length };
}

export function acquireItems(changes: readonly Attribute[], access: WriteAccess): AcquireItem[] {
  return changes.map((attribute) =>
    needsManual(attribute, access)
      ? { name: attribute.name, manual: true }
      : { name: attribute.name },
  );
}

export function releaseItems(changes: readonly Attribute[]): ReleaseItem[] {
  return changes.map((attribute) => ({ name: attribute.name }));
}

/** "from Fitbit", "inactive: will be reactivated", "to Oura", "becomes inactive". */
export function bulkChangeText(action: BulkAction, attribute: Attribute): string {
  if (action === "acquire") {
    if (attribute.service) return `from ${attribute.service.label}`;
    return attribute.active ? "no owner yet" : "inactive: will be reactivated";
  }
  const target = releaseTarget(attribute);
  return target ? `to ${target.label}` : "becomes inactive";
}
