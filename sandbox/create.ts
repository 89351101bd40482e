/**
 * `POST /api/2/attributes/create/`: new attributes, from a template or entirely custom.
 * https://developer.exist.io/reference/creating_attributes/
 * A custom attribute's `name` is made from its label (the guide's "Time reading" became
 * `time_reading`); creating a name the user already has fails. The `custom` group holds booleans
 * only, and value type 6 is reserved for templates. `manual` defaults to true, so `manual_write`
 * alone lets a client create in any group. The new attribute belongs to this client, is active,
 * and has no values until some are written (live Exist: priority 9, no `available_services`).
 */
import { attributeJson, type AttributeRecord } from "./attributes";
import { findTemplate } from "./catalogue";
import {
  CUSTOM_GROUP_VALUE_TYPE,
  TEMPLATE_ONLY_VALUE_TYPE,
  isGroupName,
  isValueType,
  type GroupName,
  type ValueType,
} from "./exist-facts";
import { asItem, failure, type Outcome, type OwnershipContext } from "./ownership";
import { missingWriteScope } from "./scopes";
import { missingFields, missingFieldsFailure } from "./write-rules";

const CUSTOM_FIELDS = ["label", "group", "value_type"] as const;
const CREATED_PRIORITY = 9;

/** Exist's names are ASCII identifiers: the label lowercased, anything else turned into `_`. */
export function nameFromLabel(label: string): string {
  return label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

type Spec = {
  template: string | null;
  name: string;
  label: string;
  group: GroupName;
  valueType: ValueType;
  priority: number;
};

/** What the object asks to create, or why it cannot be. */
function readSpec(item: Record<string, unknown>, index: number): Spec | Outcome {
  if (item.template !== undefined) {
    const template = typeof item.template === "string" ? findTemplate(item.template) : undefined;
    if (!template) return failure(item, "not_found", `Template '${item.template}' not found`);
    return { ...template, template: template.name };
  }
  const missing = missingFields(item, CUSTOM_FIELDS);
  if (missing.length) return missingFieldsFailure(item, index, missing);
  const { label, group, value_type: valueType } = item;
  const invalid = (error: string) => failure(item, "validation", error);
  if (typeof label !== "string" || !label.trim()) {
    return invalid(`Object at index ${index} field 'label' must be a non-empty string`);
  }
  if (!isGroupName(group)) return invalid(`Group '${String(group)}' does not exist`);
  if (!isValueType(valueType)) return invalid(`Value type '${String(valueType)}' does not exist`);
  if (valueType === TEMPLATE_ONLY_VALUE_TYPE) {
    return invalid(`Value type ${valueType} is reserved for attribute templates`);
  }
  if (group === "custom" && valueType !== CUSTOM_GROUP_VALUE_TYPE) {
    return invalid(`Attributes in the custom group must be booleans (value type 7)`);
  }
  const name = nameFromLabel(label);
  if (!name) return invalid(`Label '${label}' has no letters or digits to make a name from`);
  return {
    template: null,
    name,
    label: label.trim(),
    group,
    valueType,
    priority: CREATED_PRIORITY,
  };
}

export function createOne(sent: unknown, index: number, context: OwnershipContext): Outcome {
  const item = asItem(sent);
  if (item.manual !== undefined && typeof item.manual !== "boolean") {
    return failure(item, "validation", `Object at index ${index} field 'manual' must be a boolean`);
  }
  const manual = item.manual !== false;
  const spec = readSpec(item, index);
  if ("ok" in spec) return spec;
  const missing = missingWriteScope(spec.group, manual, context.scopes);
  if (missing) {
    const error = `Missing scope '${missing}' to create attribute '${spec.name}'`;
    return failure(item, "unauthorised", error);
  }
  if (context.account.attributes.has(spec.name)) {
    return failure(item, "exists", `Attribute '${spec.name}' already exists`);
  }
  const record: AttributeRecord = {
    ...spec,
    service: context.ownService,
    active: true,
    manual,
    availableServices: [],
    created: true,
  };
  context.account.attributes.set(record.name, record);
  const answer = context.successObjects
    ? attributeJson(record, context.services)
    : { ...item, name: record.name, priority: record.priority };
  return { ok: true, item: answer };
}
