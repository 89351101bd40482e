import type { Service as ExistService } from "@/lib/api/contract";
import type { Attribute } from "./types";

/** "Owned by Fitbit", "Owned by this app" or "Inactive – no owner". */
export function ownerText(attribute: Attribute): string {
  if (attribute.ownedByApp) return "Owned by this app";
  if (attribute.service) return `Owned by ${attribute.service.label}`;
  return attribute.active ? "No owner" : "Inactive – no owner";
}

/**
 * Who takes over when this app releases an attribute: Exist hands it to another connected service
 * that can supply it, else the attribute becomes inactive
 * (https://developer.exist.io/reference/attribute_ownership/#release-attributes).
 */
export function releaseTarget(attribute: Attribute): ExistService | null {
  const self = attribute.ownedByApp ? attribute.service?.name : undefined;
  return attribute.available_services.find((service) => service.name !== self) ?? null;
}

/** The state the list shows for an attribute while a change is in flight (before Exist answers). */
export function expectedAfter(attribute: Attribute, action: "acquire" | "release"): Attribute {
  if (action === "acquire") return { ...attribute, ownedByApp: true, active: true };
  const target = releaseTarget(attribute);
  return { ...attribute, ownedByApp: false, service: target, active: target !== null };
}
