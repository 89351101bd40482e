/**
 * `POST /api/2/attributes/update/`: set one day's total of attributes this client owns.
 * https://developer.exist.io/reference/writing_data/#update-attribute-values
 * A value that is set never goes back to null ("to prevent accidental data loss"); sending null
 * for a day without data changes nothing.
 */
import { asItem, failure, type Outcome, type OwnershipContext } from "./ownership";
import {
  currentValue,
  isDate,
  missingFields,
  missingFieldsFailure,
  storedValue,
  typeError,
  writableRecord,
  writeValue,
} from "./write-rules";

const REQUIRED = ["name", "date", "value"] as const;

export function updateOne(sent: unknown, index: number, context: OwnershipContext): Outcome {
  const item = asItem(sent);
  const missing = missingFields(item, REQUIRED);
  if (missing.length) return missingFieldsFailure(item, index, missing);
  const record = writableRecord(item, context);
  if ("ok" in record) return record;
  const { date, value } = item;
  if (!isDate(date)) {
    return failure(item, "validation", `Object at index ${index} has an invalid date (YYYY-MM-DD)`);
  }
  if (value === null) {
    if (currentValue(context, record, date) === null) return { ok: true, item };
    const error = `Attribute '${record.name}' has a value on ${date}; it cannot be set back to null`;
    return failure(item, "validation", error);
  }
  const wrongType = typeError(record, value);
  if (wrongType) return failure(item, "validation", wrongType);
  writeValue(context, record, date, storedValue(value));
  return { ok: true, item };
}
