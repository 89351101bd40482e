/**
 * Several rows of a file for one attribute and day (two weigh-ins, a Daylio entry each evening
 * and morning, a walk and a run) become the one value Exist keeps for the day, by a rule the
 * page shows and the person may change. The default suits what the attribute measures: amounts
 * add up, levels (weight, heart rate) average, a tag is on if any row says so, and a rating,
 * a note or a time of day keeps the day's latest. Latest and earliest go by time, never by
 * where a row sits in the file: by the time written with the date (Daylio: the entry's time),
 * and for rows without one by the file's order of days, so that in a file listing the newest
 * first the row higher up is the later (plan-builder.ts orders them).
 */
import { roundTo } from "@/lib/values/convert";
import type { StoredValue } from "@/lib/values/field";
import { integerRange, keyOf, type AttributeKey } from "@/lib/values/rules";
import { VALUE_TYPE as T } from "@/lib/values/value-types";

export const DUPLICATE_RULES = ["last", "first", "sum", "max", "mean"] as const;

export type DuplicateRule = (typeof DUPLICATE_RULES)[number];

export const DUPLICATE_RULE_LABELS: Record<DuplicateRule, string> = {
  last: "Keep the day’s latest",
  first: "Keep the day’s earliest",
  sum: "Add them up",
  max: "Keep the highest",
  mean: "Take the average",
};

/** The rule's words for the attribute: for a yes/no, the highest is a yes in any row. */
export function duplicateRuleLabel(rule: DuplicateRule, attribute: AttributeKey): string {
  if (rule === "max" && attribute.value_type === T.boolean) return "Yes if any row says yes";
  return DUPLICATE_RULE_LABELS[rule];
}

/** Templates that measure a level at a moment, not an amount over the day. */
const LEVELS = new Set([
  "weight",
  "lean_mass",
  "heartrate",
  "heartrate_resting",
  "heartrate_variability",
  "weather_temp_min",
  "weather_precipitation",
  "weather_wind_speed",
]);

const HIGHEST = new Set(["heartrate_max", "weather_temp_max"]);

/** The rules that mean something for the value type: text is only ever one row's. */
export function duplicateRulesFor(attribute: AttributeKey): DuplicateRule[] {
  switch (attribute.value_type) {
    case T.string:
    case T.timeFromMidnight:
    case T.timeFromMidday:
      return ["last", "first"];
    case T.boolean:
      return ["max", "last", "first"];
    default:
      return [...DUPLICATE_RULES];
  }
}

function defaultForNumber(attribute: AttributeKey): DuplicateRule {
  const key = keyOf(attribute);
  if (HIGHEST.has(key) || integerRange(attribute)) return "max";
  if (LEVELS.has(key)) return "mean";
  // An integer without a template is a count the person keeps (coffees, pages); a decimal
  // without one could be anything, and adding up what should not be added is worse.
  if (attribute.value_type === T.integer) return "sum";
  return attribute.template ? "sum" : "last";
}

export function defaultDuplicateRule(attribute: AttributeKey): DuplicateRule {
  switch (attribute.value_type) {
    case T.integer:
    case T.decimal:
      return defaultForNumber(attribute);
    case T.duration:
      return keyOf(attribute) === "day_length" ? "last" : "sum";
    case T.percentage:
      return "mean";
    case T.boolean:
      return "max";
    default:
      return "last";
  }
}

/** Places a combined value keeps: whole numbers stay whole, fractions as the fields store them. */
function storedDecimals(valueType: number): number {
  if (valueType === T.decimal) return 6;
  if (valueType === T.percentage) return 4;
  return 0;
}

/**
 * The day's value from the values of its rows, earliest first (never empty). A rule that does
 * not apply to the values (a sum of texts) keeps the latest, as duplicateRulesFor never offers it.
 */
export function combineDuplicates(
  values: readonly StoredValue[],
  rule: DuplicateRule,
  attribute: AttributeKey,
): StoredValue {
  const last = values[values.length - 1] as StoredValue;
  if (rule === "first") return values[0] as StoredValue;
  if (rule === "last" || values.length === 1) return last;
  const numbers = values.filter((value): value is number => typeof value === "number");
  if (numbers.length !== values.length) return last;
  const decimals = storedDecimals(attribute.value_type);
  if (rule === "max") return Math.max(...numbers);
  const sum = numbers.reduce((total, value) => total + value, 0);
  return roundTo(rule === "sum" ? sum : sum / numbers.length, decimals);
}
