/**
 * `POST /api/2/attributes/update/`: write one day's value of attributes this client owns.
 * https://developer.exist.io/reference/writing_data/#update-attribute-values
 * Values are checked broadly by type, as Exist does, and kept per attribute and date.
 */
import type { AttributeRecord } from "./attributes";
import { asItem, failure, type OwnershipContext, type Outcome } from "./ownership";

const REQUIRED = ["name", "date", "value"] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Broad type check by value type (0 integer, 2 string, 7 boolean as 0/1, 8 scale 1–9, ...). */
function fitsValueType(record: AttributeRecord, value: unknown): boolean {
  switch (record.valueType) {
    case 2:
      return typeof value === "string" && value.length <= 1000;
    case 1:
    case 5:
      return typeof value === "number" && Number.isFinite(value);
    case 7:
      return value === 0 || value === 1;
    case 8:
      return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 9;
    default:
      return Number.isInteger(value);
  }
}

export function updateOne(sent: unknown, index: number, context: OwnershipContext): Outcome {
  const item = asItem(sent);
  const fail = (errorCode: string, error: string) => failure(item, errorCode, error);
  const missing = REQUIRED.filter((field) => item[field] === undefined || item[field] === null);
  if (missing.length) {
    const fields = missing.map((field) => `'${field}'`).join(", ");
    return fail("missing_field", `Object at index ${index} missing field(s) ${fields}`);
  }
  const name = String(item.name);
  const record = context.account.attributes.get(name);
  if (!record) return fail("not_found", `Attribute '${name}' not found`);
  if (record.service !== context.ownService) {
    return fail("unauthorised", `Attribute '${name}' does not belong to this service`);
  }
  const date = item.date;
  if (typeof date !== "string" || !DATE.test(date) || Number.isNaN(Date.parse(date))) {
    return fail("invalid_value", `Object at index ${index} has an invalid date`);
  }
  if (!fitsValueType(record, item.value)) {
    return fail("invalid_value", `Invalid value for attribute '${name}'`);
  }
  context.account.values.set(`${name}/${date}`, item.value);
  return { ok: true, item };
}
