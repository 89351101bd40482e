import type { Attribute, OwnershipResponse } from "@/lib/api/contract";

type Ordered = Pick<Attribute, "group" | "priority" | "label">;

/** Exist's order: group priority, then attribute priority (then label, for a stable order). */
export function byExistOrder(a: Ordered, b: Ordered): number {
  return (
    a.group.priority - b.group.priority || a.priority - b.priority || a.label.localeCompare(b.label)
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A success item that is a whole attribute (acquire/release with `success_objects=true`). */
function isAttributeObject(item: Record<string, unknown>): boolean {
  return (
    typeof item.name === "string" &&
    typeof item.label === "string" &&
    isRecord(item.group) &&
    typeof item.active === "boolean" &&
    Array.isArray(item.available_services) &&
    (item.service === null || isRecord(item.service))
  );
}

/**
 * The attributes Exist says it changed, with `ownedByApp` set by the action; null when an item is
 * not a whole attribute (an Exist that ignored `success_objects`): then the list must be reloaded.
 */
export function changedAttributes(
  result: OwnershipResponse,
  action: "acquire" | "release",
): Attribute[] | null {
  if (!result.success.every(isAttributeObject)) return null;
  return result.success.map((item) => ({
    ...(item as unknown as Omit<Attribute, "ownedByApp">),
    available_services: (item.available_services as Attribute["available_services"]) ?? [],
    ownedByApp: action === "acquire",
  }));
}

/** `attributes` with `changed` put in their place (or added, for ones created from a template). */
export function mergeChanged(
  attributes: readonly Attribute[],
  changed: readonly Attribute[],
): Attribute[] {
  if (changed.length === 0) return [...attributes];
  const byName = new Map(changed.map((attribute) => [attribute.name, attribute]));
  const merged = attributes.map((attribute) => {
    const update = byName.get(attribute.name);
    byName.delete(attribute.name);
    return update ?? attribute;
  });
  if (byName.size === 0) return merged;
  return [...merged, ...byName.values()].sort(byExistOrder);
}
