import { OWNER_APP, OWNER_INACTIVE, OWNER_STALLED } from "./filter";
import type { Attribute } from "./types";

export type OwnerCount = { key: string; label: string; count: number };

/**
 * Who owns what, for the Owners summary and the Owner select: this app first, then each service
 * by how many it owns, then inactive ones, then (once values are known) those not getting data.
 */
export function ownerCounts(
  attributes: readonly Attribute[],
  stalled: ReadonlySet<string> | null,
): OwnerCount[] {
  let app = 0;
  let inactive = 0;
  const services = new Map<string, OwnerCount>();
  for (const attribute of attributes) {
    if (attribute.ownedByApp) app += 1;
    else if (!attribute.active || !attribute.service) inactive += 1;
    else {
      const { name, label } = attribute.service;
      const entry = services.get(name) ?? { key: name, label, count: 0 };
      entry.count += 1;
      services.set(name, entry);
    }
  }
  const byCount = [...services.values()].sort(
    (a, b) => b.count - a.count || a.label.localeCompare(b.label),
  );
  return [
    { key: OWNER_APP, label: "This app", count: app },
    ...byCount,
    { key: OWNER_INACTIVE, label: "Inactive", count: inactive },
    ...(stalled ? [{ key: OWNER_STALLED, label: "Not getting data", count: stalled.size }] : []),
  ];
}
