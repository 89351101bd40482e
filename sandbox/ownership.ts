/**
 * Acquire and release, one object at a time, as Exist does them:
 * https://developer.exist.io/reference/attribute_ownership/
 */
import { z } from "zod";
import { attributeFromTemplate, attributeJson, type AttributeRecord } from "./attributes";
import { findTemplate } from "./catalogue";
import { missingWriteScope } from "./scopes";
import type { Account } from "./seed";
import type { ServiceDirectory } from "./services";

export type OwnershipContext = {
  account: Account;
  scopes: ReadonlySet<string>;
  /** This client's service name. */
  ownService: string;
  services: ServiceDirectory;
  /** `?success_objects=true`: success items are full attribute objects. */
  successObjects: boolean;
};

type Item = Record<string, unknown>;
export type Outcome = { ok: true; item: Item } | { ok: false; item: Item };

/** Fields we read; anything else the client sent is echoed back untouched. */
const objectSchema = z.looseObject({
  name: z.string().min(1).optional().catch(undefined),
  template: z.string().min(1).optional().catch(undefined),
  manual: z.boolean().optional(),
});

function failure(sent: Item, errorCode: string, error: string): Outcome {
  return { ok: false, item: { ...sent, error_code: errorCode, error } };
}

function asItem(sent: unknown): Item {
  return typeof sent === "object" && sent !== null && !Array.isArray(sent) ? { ...sent } : {};
}

function success(record: AttributeRecord, sent: Item, extra: Item, context: OwnershipContext) {
  const item = context.successObjects
    ? attributeJson(record, context.services)
    : { ...sent, ...extra };
  return { ok: true as const, item };
}

function findByTemplate(account: Account, template: string): AttributeRecord | undefined {
  return [...account.attributes.values()].find((record) => record.template === template);
}

export function acquireOne(sent: unknown, index: number, context: OwnershipContext): Outcome {
  const item = asItem(sent);
  const parsed = objectSchema.safeParse(item);
  if (!parsed.success) {
    return failure(
      item,
      "invalid_field",
      `Object at index ${index} field 'manual' must be a boolean`,
    );
  }
  const { name, template: templateName, manual = false } = parsed.data;
  if (!name && !templateName) {
    return failure(item, "missing_field", `Object at index ${index} missing field(s) 'name'`);
  }
  const { account, ownService } = context;
  let record: AttributeRecord | undefined;
  const template = templateName ? findTemplate(templateName) : undefined;
  if (templateName) {
    if (!template) return failure(item, "not_found", `Template '${templateName}' not found`);
    record = findByTemplate(account, template.name);
  } else if (name) {
    record = account.attributes.get(name);
    if (!record) return failure(item, "not_found", `Attribute '${name}' not found`);
  }
  const group = record?.group ?? template?.group ?? "custom";
  const attributeName = record?.name ?? template?.name ?? "";
  const missing = missingWriteScope(group, manual, context.scopes);
  if (missing) {
    return failure(
      item,
      "unauthorised",
      `Missing scope '${missing}' to acquire attribute '${attributeName}'`,
    );
  }
  if (!record && template) {
    record = attributeFromTemplate(template, ownService, []);
    account.attributes.set(record.name, record);
  }
  if (!record) return failure(item, "not_found", `Attribute '${attributeName}' not found`);
  record.service = ownService;
  record.active = true;
  record.manual = manual;
  if (!record.availableServices.includes(ownService)) record.availableServices.push(ownService);
  return success(record, item, { active: true }, context);
}

export function releaseOne(sent: unknown, index: number, context: OwnershipContext): Outcome {
  const item = asItem(sent);
  const name = objectSchema.safeParse(item).data?.name;
  if (!name) {
    return failure(item, "missing_field", `Object at index ${index} missing field(s) 'name'`);
  }
  const { account, ownService } = context;
  const record = account.attributes.get(name);
  if (!record) return failure(item, "not_found", `Attribute '${name}' not found`);
  if (record.service !== ownService) {
    return failure(item, "unauthorised", `Attribute '${name}' does not belong to this service`);
  }
  // Ownership passes to another service that said it can supply this attribute, else none.
  const next = record.availableServices.find((service) => service !== ownService) ?? null;
  record.service = next;
  record.active = next !== null;
  return success(record, item, {}, context);
}
