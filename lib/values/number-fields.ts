/**
 * Fields for numbers typed as text: integers and decimals in the person's units, percentages
 * (typed 0–100, stored 0–1) and scales (1–9).
 */
import type { Units } from "@/lib/api/contract";
import { fractionToPercent, numberText } from "./convert";
import { parseNumberEntry, type NumberRules } from "./entry";
import { guarded, labelled, type FieldAttribute, type NumberField } from "./field-types";
import { canIncrement, integerRange, keyOf, minimumOf } from "./rules";
import { PLAIN_DECIMALS, shownMeasure, toShown, toStoredUnits, unitOf } from "./units";
import { SCALE_MAX, SCALE_MIN, VALUE_TYPE as T } from "./value-types";

const stepOf = (decimals: number) => Number((10 ** -decimals).toFixed(decimals));

export function numberField(attribute: FieldAttribute, units: Units): NumberField {
  const unit = unitOf(keyOf(attribute));
  const measure = unit
    ? shownMeasure(unit, units)
    : { label: null, decimals: attribute.value_type === T.integer ? 0 : PLAIN_DECIMALS };
  const stored = minimumOf(attribute);
  const min = stored === undefined ? undefined : unit ? toShown(stored, unit, units) : stored;
  const range = integerRange(attribute);
  const rules: NumberRules = {
    label: attribute.label,
    decimals: measure.decimals,
    min,
    max: range?.max,
    rangeMessage: range?.message,
    toStored: (typed) => (unit ? toStoredUnits(typed, unit, units) : typed),
    storedDecimals: attribute.value_type === T.integer ? 0 : 6,
  };
  return {
    kind: measure.decimals === 0 ? "number" : "decimal",
    valueType: attribute.value_type,
    label: labelled(attribute.label, measure.label),
    unit: measure.label,
    canIncrement: canIncrement(attribute),
    constraints: { min, max: range?.max, step: stepOf(measure.decimals) },
    toStored: guarded(attribute, (text: string, mode) => parseNumberEntry(text, rules, mode)),
    fromStored: (value) =>
      typeof value === "number"
        ? numberText(unit ? toShown(value, unit, units) : value, measure.decimals)
        : "",
  };
}

const PERCENT_DECIMALS = 2;

export function percentField(attribute: FieldAttribute): NumberField {
  const rules: NumberRules = {
    label: attribute.label,
    decimals: PERCENT_DECIMALS,
    min: 0,
    max: 100,
    rangeMessage: "Percent must be between 0 and 100",
    toStored: (percent) => percent / 100,
    storedDecimals: PERCENT_DECIMALS + 2,
  };
  return {
    kind: "percent",
    valueType: attribute.value_type,
    label: labelled(attribute.label, "%"),
    unit: "%",
    canIncrement: false,
    constraints: { min: 0, max: 100, step: stepOf(PERCENT_DECIMALS) },
    toStored: guarded(attribute, (text: string, mode) => parseNumberEntry(text, rules, mode)),
    fromStored: (value) =>
      typeof value === "number"
        ? numberText(fractionToPercent(value, PERCENT_DECIMALS), PERCENT_DECIMALS)
        : "",
  };
}

export function scaleField(attribute: FieldAttribute): NumberField {
  const rules: NumberRules = {
    label: attribute.label,
    decimals: 0,
    min: SCALE_MIN,
    max: SCALE_MAX,
    rangeMessage: `Choose a whole number from ${SCALE_MIN} to ${SCALE_MAX}`,
    toStored: (step) => step,
    storedDecimals: 0,
  };
  return {
    kind: "scale",
    valueType: attribute.value_type,
    label: attribute.label,
    unit: null,
    canIncrement: false,
    constraints: { min: SCALE_MIN, max: SCALE_MAX, step: 1 },
    toStored: guarded(attribute, (text: string, mode) => parseNumberEntry(text, rules, mode)),
    fromStored: (value) => (typeof value === "number" ? String(Math.round(value)) : ""),
  };
}
