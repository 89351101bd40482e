/**
 * Whether a value, in the form Exist stores it (metric, whole minutes, fractions, 1/0), fits the
 * attribute. Exist checks values only broadly by type and says not to rely on it
 * (https://developer.exist.io/reference/writing_data/), so the server checks before it sends.
 */
import {
  incrementIssue,
  integerRange,
  labelOf,
  minimumOf,
  textIssue,
  type AttributeKey,
  type WriteMode,
} from "./rules";
import { MAX_NUMBER, MINUTES_PER_DAY, SCALE_MAX, SCALE_MIN, VALUE_TYPE as T } from "./value-types";

const isNumber = (value: unknown): value is number =>
  typeof value === "number" && Number.isFinite(value);

function amountIssue(attribute: AttributeKey, value: number, mode: WriteMode): string | null {
  const label = labelOf(attribute);
  if (mode === "increment") {
    if (value <= 0) return `${label} must be added in an amount above 0`;
  } else {
    const min = minimumOf(attribute);
    if (min !== undefined && value < min) return `${label} can't be negative`;
  }
  const range = integerRange(attribute);
  if (range && value > range.max) return range.message;
  if (Math.abs(value) > MAX_NUMBER) return `${label} is too large`;
  return null;
}

function wholeIn(value: unknown, min: number, max: number): value is number {
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
}

/** Why `value` cannot be written to the attribute with `mode`; null when it can. */
export function storedValueIssue(
  attribute: AttributeKey,
  value: unknown,
  mode: WriteMode = "update",
): string | null {
  if (mode === "increment") {
    const issue = incrementIssue(attribute);
    if (issue) return issue;
  }
  const label = labelOf(attribute);
  switch (attribute.value_type) {
    case T.integer:
      if (!Number.isInteger(value)) return `${label} must be a whole number`;
      return amountIssue(attribute, value as number, mode);
    case T.decimal:
      if (!isNumber(value)) return `${label} must be a number`;
      return amountIssue(attribute, value, mode);
    case T.string:
      return typeof value === "string" ? textIssue(value, attribute) : `${label} must be text`;
    case T.duration:
      if (!wholeIn(value, mode === "increment" ? 1 : 0, MINUTES_PER_DAY)) {
        return `${label} must be whole minutes, at most ${MINUTES_PER_DAY} (a day)`;
      }
      return null;
    case T.timeFromMidnight:
    case T.timeFromMidday:
      return wholeIn(value, 0, MINUTES_PER_DAY - 1)
        ? null
        : `${label} must be whole minutes from ${attribute.value_type === T.timeFromMidday ? "midday" : "midnight"}, 0–${MINUTES_PER_DAY - 1}`;
    case T.percentage:
      return isNumber(value) && value >= 0 && value <= 1
        ? null
        : `${label} must be a fraction from 0 to 1 (24 % is 0.24)`;
    case T.boolean:
      return value === 0 || value === 1 ? null : `${label} must be 1 (yes) or 0 (no)`;
    case T.scale:
      return wholeIn(value, SCALE_MIN, SCALE_MAX)
        ? null
        : `${label} must be a whole number from ${SCALE_MIN} to ${SCALE_MAX}`;
    default:
      return `${label} has a value type this app can't write`;
  }
}
