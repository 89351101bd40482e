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
  /** The account's local date: seeded values of what this app acquires stop here. */
  today: string;
};

type Item = Record<string, unknown>;
export type Outcome = { ok: true; item: Item } | { ok: false; item: Item };

/** Fields we read; anything else the client sent is echoed back untouched. */
const objectSchema = z.looseObject({
  name: z.string().min(1).optional().catch(undefined),
  template: z.string().min(1).optional().catch(undefined),
  manual: z.boolean().optional(),
});

export function failure(sent: Item, errorCode: string, error: string): Outcome {
  return { ok: false, item: { ...sent, error_code: errorCode, error } };
}

/** The object as sent, or `{}` for anything that is not a JSON object. */
export function asItem(sent: unknown): Item {
  return typeof sent === "object" && sent !== null && !Array.isArray(sent) ? { ...sent } : {};
}

function success(record: AttributeRecord, sent: Item, extra: Item, context: OwnershipContext) {
  const item = context.successObjects
    ? attributeJson(record, context.services)
    : { ...sent, ...extra };
  return { ok: true as const, item };
}

/** What an acquire object points at: its group and name, and how to get (or create) the record. */
type Target = { group: string; name: string; obtain: () => AttributeRecord };

function findTarget(account: Account, name?: string, templateName?: string): Target | string {
  if (templateName) {
    const template = findTemplate(templateName);
    if (!template) return `Template '${templateName}' not found`;
    const obtain = () => {
      const existing = [...account.attributes.values()].find((r) => r.template === template.name);
      if (existing) return existing;
      // Acquiring a template the user lacks creates the attribute.
      const created = attributeFromTemplate(template, null, []);
      account.attributes.set(created.name, created);
      return created;
    };
    return { group: template.group, name: template.name, obtain };
  }
  const record = name ? account.attributes.get(name) : undefined;
  if (!record) return `Attribute '${name}' not found`;
  return { group: record.group, name: record.name, obtain: () => record };
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
  const { name, template, manual = false } = parsed.data;
  if (!name && !template) {
    return failure(item, "missing_field", `Object at index ${index} missing field(s) 'name'`);
  }
  const target = findTarget(context.account, name, template);
  if (typeof target === "string") return failure(item, "not_found", target);
  const missing = missingWriteScope(target.group, manual, context.scopes);
  if (missing) {
    const error = `Missing scope '${missing}' to acquire attribute '${target.name}'`;
    return failure(item, "unauthorised", error);
  }
  const record = target.obtain();
  if (record.service !== context.ownService) record.ownedSince = context.today;
  record.service = context.ownService;
  record.active = true;
  record.manual = manual;
  if (!record.availableServices.includes(context.ownService)) {
    record.availableServices.push(context.ownService);
  }
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
