/**
 * Small builders for the seeded accounts, so the seed reads as a list of attributes.
 */
import { attributeFromTemplate, type AttributeRecord } from "./attributes";
import { findTemplate } from "./catalogue";
import type { GroupName, ValueType } from "./exist-facts";

type Extra = Partial<Pick<AttributeRecord, "manual" | "priority" | "active" | "stalledDays">>;

/** A templated attribute. `owner` null → inactive. `available` defaults to the owner alone. */
export function templated(
  name: string,
  owner: string | null,
  available: string[] = owner ? [owner] : [],
  extra: Extra = {},
): AttributeRecord {
  const template = findTemplate(name);
  if (!template) throw new Error(`seed: no template ${name}`);
  return { ...attributeFromTemplate(template, owner, available), ...extra };
}

/** A user-defined (non-template) attribute. */
export function userDefined(
  name: string,
  label: string,
  group: GroupName,
  valueType: ValueType,
  owner: string | null,
  extra: Extra = {},
): AttributeRecord {
  return {
    template: null,
    name,
    label,
    group,
    priority: 5,
    service: owner,
    active: owner !== null,
    manual: true,
    valueType,
    availableServices: owner ? [owner] : [],
    ...extra,
  };
}

/** A custom tag: custom group, boolean value type, no template, tracked by hand in Exist's apps. */
export function customTag(
  name: string,
  label: string,
  owner: string | null,
  extra: Extra = {},
): AttributeRecord {
  return userDefined(name, label, "custom", 7, owner, extra);
}
