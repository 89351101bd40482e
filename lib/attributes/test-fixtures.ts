import type { Attribute } from "./types";

/** A test attribute: Steps, owned by Google Fit, unless `overrides` say otherwise. */
export function makeAttribute(overrides: Partial<Attribute> = {}): Attribute {
  return {
    template: "steps",
    name: "steps",
    label: "Steps",
    group: { name: "activity", label: "Activity", priority: 1 },
    service: { name: "googlefit", label: "Google Fit" },
    active: true,
    priority: 1,
    manual: false,
    value_type: 0,
    value_type_description: "Integer",
    available_services: [{ name: "googlefit", label: "Google Fit" }],
    ownedByApp: false,
    ...overrides,
  };
}

export const APP_SERVICE = { name: "exist_ownership", label: "Exist Ownership" };
export const MOOD_GROUP = { name: "mood", label: "Mood", priority: 4 };
