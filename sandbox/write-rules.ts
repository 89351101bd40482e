/**
 * What `update/` and `increment/` check alike before writing a value:
 * https://developer.exist.io/reference/writing_data/
 * The attribute must exist, belong to this service, be covered by a write scope, and the value
 * must broadly fit its value type ("values are only validated broadly by type").
 */
import type { AttributeRecord } from "./attributes";
import { MAX_STRING_LENGTH, valueKind, type ValueKind } from "./exist-facts";
import { failure, type Outcome, type OwnershipContext } from "./ownership";
import { missingWriteScope } from "./scopes";
import { valueOn } from "./values";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written `YYYY-MM-DD` (2026-02-30 is not one). */
export function isDate(value: unknown): value is string {
  if (typeof value !== "string" || !DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

export function missingFields(item: Record<string, unknown>, fields: readonly string[]): string[] {
  return fields.filter((field) => item[field] === undefined);
}

export function missingFieldsFailure(
  item: Record<string, unknown>,
  index: number,
  missing: readonly string[],
): Outcome {
  const fields = missing.map((field) => `'${field}'`).join(", ");
  return failure(item, "missing_field", `Object at index ${index} missing field(s) ${fields}`);
}

/**
 * The attribute an item names, if this client may write it; else the failure to answer.
 * Ownership first (Exist's most common refusal), then the group's write scope, or
 * `manual_write` for a manual attribute.
 */
export function writableRecord(
  item: Record<string, unknown>,
  context: OwnershipContext,
): AttributeRecord | Outcome {
  const name = typeof item.name === "string" ? item.name : String(item.name);
  const record = context.account.attributes.get(name);
  if (!record) return failure(item, "not_found", `Attribute '${name}' not found`);
  if (record.service !== context.ownService) {
    return failure(item, "unauthorised", `Attribute '${name}' does not belong to this service`);
  }
  const missing = missingWriteScope(record.group, record.manual, context.scopes);
  if (missing) {
    return failure(item, "unauthorised", `Missing scope '${missing}' to write attribute '${name}'`);
  }
  return record;
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "list";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "float";
  if (typeof value === "object") return "object";
  return typeof value;
}

function fits(kind: ValueKind, value: unknown): boolean {
  switch (kind) {
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    case "float":
      return typeof value === "number" && Number.isFinite(value);
    case "string":
      return typeof value === "string" && value.length <= MAX_STRING_LENGTH;
    case "boolean":
      // Booleans are written `true`/`false` or `1`/`0`, and read back as 1/0.
      return typeof value === "boolean" || value === 0 || value === 1;
  }
}

/**
 * Why `value` does not fit the attribute's value type (worded as the docs' example, "Cannot
 * apply a float to an integer type"), or null when it fits.
 */
export function typeError(record: AttributeRecord, value: unknown): string | null {
  const kind = valueKind(record.valueType);
  if (fits(kind, value)) return null;
  if (kind === "string" && typeof value === "string") {
    return `String value for attribute '${record.name}' is longer than ${MAX_STRING_LENGTH} characters`;
  }
  return mismatch(kind, value);
}

const withArticle = (word: string) => `${/^[aeiou]/.test(word) ? "an" : "a"} ${word}`;

/** "Cannot apply a float to an integer type". */
export function mismatch(kind: ValueKind, value: unknown): string {
  return `Cannot apply ${withArticle(kindOf(value))} to ${withArticle(kind)} type`;
}

/** What is stored for a value that fits: booleans as 1/0, anything else as sent. */
export function storedValue(value: unknown): unknown {
  return typeof value === "boolean" ? (value ? 1 : 0) : value;
}

/** The attribute's value on `date` as reads show it: written, else seeded, else null. */
export function currentValue(
  context: OwnershipContext,
  record: AttributeRecord,
  date: string,
): unknown {
  return valueOn(context.account, record, date, context.today, context.ownService) ?? null;
}

export function writeValue(
  context: OwnershipContext,
  record: AttributeRecord,
  date: string,
  value: unknown,
): void {
  context.account.values.set(`${record.name}/${date}`, value);
}
