/**
 * The field a person fills in to log a value of an attribute: which kind of input, in which unit,
 * within which bounds, and how what they enter becomes what Exist stores (and back, to show a
 * stored value in the field). One description per value type
 * (https://developer.exist.io/reference/object_types/#attribute-value-types).
 */
import type { Units } from "@/lib/api/contract";
import { clockText, durationParts, timeOfDayFromStored } from "./convert";
import { parseBooleanEntry, parseDurationEntry, parseTextEntry, parseTimeEntry } from "./entry";
import {
  guarded,
  type BooleanField,
  type DurationField,
  type FieldAttribute,
  type TextField,
  type TimeField,
  type ValueField,
} from "./field-types";
import { numberField, percentField, scaleField } from "./number-fields";
import { canIncrement, keyOf, LOCATION_HINT } from "./rules";
import { MAX_TEXT_LENGTH, MINUTES_PER_DAY, VALUE_TYPE as T } from "./value-types";

export type {
  BooleanField,
  DurationField,
  FieldAttribute,
  FieldKind,
  FieldOfKind,
  NumberField,
  TextField,
  TimeField,
  ValueField,
} from "./field-types";
export type { DurationEntry, Parsed, StoredValue } from "./entry";
export type { WriteMode } from "./rules";

/** What every field without a unit shares: its kind, value type and label. */
function unitless<K extends ValueField["kind"]>(attribute: FieldAttribute, kind: K) {
  return { kind, valueType: attribute.value_type, label: attribute.label, unit: null };
}

function durationField(attribute: FieldAttribute): DurationField {
  return {
    ...unitless(attribute, "duration"),
    canIncrement: canIncrement(attribute),
    constraints: {
      hours: { min: 0, max: 24, step: 1 },
      minutes: { min: 0, max: 59, step: 1 },
      maxMinutes: MINUTES_PER_DAY,
    },
    toStored: guarded(attribute, parseDurationEntry),
    fromStored: (value) => {
      if (typeof value !== "number") return { hours: "", minutes: "" };
      const { hours, minutes } = durationParts(value);
      return { hours: String(hours), minutes: String(minutes) };
    },
  };
}

function timeField(attribute: FieldAttribute): TimeField {
  const type = attribute.value_type;
  return {
    ...unitless(attribute, "time"),
    canIncrement: false,
    toStored: guarded(attribute, (text: string) => parseTimeEntry(text, type)),
    fromStored: (value) =>
      typeof value === "number" ? clockText(timeOfDayFromStored(value, type)) : "",
  };
}

function booleanField(attribute: FieldAttribute): BooleanField {
  return {
    ...unitless(attribute, "boolean"),
    canIncrement: false,
    isTag: attribute.group?.name === "custom",
    toStored: guarded(attribute, parseBooleanEntry),
    fromStored: (value) => (typeof value === "number" ? value !== 0 : null),
  };
}

function textField(attribute: FieldAttribute): TextField {
  return {
    ...unitless(attribute, "text"),
    canIncrement: false,
    constraints: { maxLength: MAX_TEXT_LENGTH },
    hint: keyOf(attribute) === "location" ? LOCATION_HINT : null,
    toStored: guarded(attribute, (text: string) => parseTextEntry(text, attribute)),
    fromStored: (value) => String(value),
  };
}

/**
 * The field for logging a value of `attribute`, in the units of `units` (the profile's
 * `imperial_*` flags); null for a value type this app cannot write.
 */
export function valueField(attribute: FieldAttribute, units: Units): ValueField | null {
  switch (attribute.value_type) {
    case T.integer:
    case T.decimal:
      return numberField(attribute, units);
    case T.string:
      return textField(attribute);
    case T.duration:
      return durationField(attribute);
    case T.timeFromMidnight:
    case T.timeFromMidday:
      return timeField(attribute);
    case T.percentage:
      return percentField(attribute);
    case T.boolean:
      return booleanField(attribute);
    case T.scale:
      return scaleField(attribute);
    default:
      return null;
  }
}
