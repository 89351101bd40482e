/**
 * `POST /api/2/attributes/increment/`: add a delta to one day's value of attributes this client
 * owns. https://developer.exist.io/reference/writing_data/#increment-attribute-values
 * `date` is optional (the user's local today); each success carries the day's new total in
 * `current`, and no `date` unless one was sent (as live Exist answers). Strings, scales and
 * times of day cannot be incremented; a boolean's total must stay 0 or 1.
 */
import { NOT_INCREMENTABLE, valueKind } from "./exist-facts";
import { asItem, failure, type Outcome, type OwnershipContext } from "./ownership";
import {
  currentValue,
  isDate,
  missingFields,
  missingFieldsFailure,
  mismatch,
  writableRecord,
  writeValue,
} from "./write-rules";

const REQUIRED = ["name", "value"] as const;

/** Float sums rounded so 0.1 + 0.2 is 0.3, as a decimal column would keep them. */
function add(current: number, delta: number): number {
  return Math.round((current + delta) * 1e9) / 1e9;
}

export function incrementOne(sent: unknown, index: number, context: OwnershipContext): Outcome {
  const item = asItem(sent);
  const missing = missingFields(item, REQUIRED);
  if (item.value === null && !missing.includes("value")) missing.push("value");
  if (missing.length) return missingFieldsFailure(item, index, missing);
  const record = writableRecord(item, context);
  if ("ok" in record) return record;
  const date = item.date ?? context.today;
  if (!isDate(date)) {
    return failure(item, "validation", `Object at index ${index} has an invalid date (YYYY-MM-DD)`);
  }
  const refused = NOT_INCREMENTABLE.get(record.valueType);
  if (refused) {
    const error = `Attribute '${record.name}' is ${refused} and cannot be incremented`;
    return failure(item, "validation", error);
  }
  const delta = item.value;
  const kind = valueKind(record.valueType);
  // A delta is a number: whole for integers and booleans, any finite one for floats.
  const whole = kind !== "float";
  if (typeof delta !== "number" || !Number.isFinite(delta) || (whole && !Number.isInteger(delta))) {
    return failure(item, "validation", mismatch(kind, delta));
  }
  const before = currentValue(context, record, date);
  const current = add(typeof before === "number" ? before : 0, delta);
  if (kind === "boolean" && current !== 0 && current !== 1) {
    return failure(item, "validation", `Attribute '${record.name}' is a boolean: 0 or 1 only`);
  }
  writeValue(context, record, date, current);
  return { ok: true, item: { ...item, current } };
}
