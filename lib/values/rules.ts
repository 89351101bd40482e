/**
 * What a value of each attribute may be, beyond its value type: bounds that templates give
 * (https://developer.exist.io/reference/object_types/#list-of-attribute-templates), string limits
 * and formats, and which values can be added to. Shared by what a person enters (entry.ts) and
 * what the server accepts to send on (stored.ts), so both refuse the same things in the same words.
 */
import { unitOf } from "./units";
import { INCREMENTABLE_TYPES, MAX_TEXT_LENGTH, VALUE_TYPE } from "./value-types";

/** The attribute facts a value depends on: `template ?? name` tells its unit and rules. */
export type AttributeKey = {
  name: string;
  template?: string | null;
  /** The attribute's label, for messages ("Mood note is at most ..."). */
  label?: string;
  value_type: number;
};

export type WriteMode = "update" | "increment";

export function keyOf(attribute: AttributeKey): string {
  return attribute.template ?? attribute.name;
}

export function labelOf(attribute: AttributeKey): string {
  return attribute.label ?? attribute.name;
}

/** Integer templates that are codes or bounded counts, not open-ended quantities. */
const INTEGER_RANGES: Record<string, { max: number; message: string }> = {
  menstrual_flow: { max: 4, message: "Menstrual flow is 0 (none) to 4 (heavy)" },
  stand_hours: { max: 24, message: "Stand hours must be 0–24" },
};

export function integerRange(attribute: AttributeKey) {
  return INTEGER_RANGES[keyOf(attribute)] ?? null;
}

/**
 * Lowest stored value of a number attribute: its unit's (amounts are never negative), 0 for an
 * integer quantity; undefined where any number goes (temperatures, custom decimals).
 */
export function minimumOf(attribute: AttributeKey): number | undefined {
  const unit = unitOf(keyOf(attribute));
  if (unit) return unit.min;
  return attribute.value_type === VALUE_TYPE.integer ? 0 : undefined;
}

/**
 * Whether Exist's increment endpoint may add to this attribute: integers, decimals and durations,
 * but not a code (menstrual flow) or a temperature (a difference in °F is not a value in °F).
 */
export function canIncrement(attribute: AttributeKey): boolean {
  if (!INCREMENTABLE_TYPES.has(attribute.value_type)) return false;
  if (keyOf(attribute) === "menstrual_flow") return false;
  return unitOf(keyOf(attribute))?.additive ?? true;
}

export function incrementIssue(attribute: AttributeKey): string | null {
  return canIncrement(attribute)
    ? null
    : `${labelOf(attribute)} can't be added to: save the day's value instead`;
}

/** Characters as Exist counts them: code points, so an emoji is one. */
export function textLength(text: string): number {
  return [...text].length;
}

const LOCATION = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/;

function isLocation(text: string): boolean {
  const match = LOCATION.exec(text);
  if (!match) return false;
  const [lat, lng] = [Number(match[1]), Number(match[2])];
  return Math.abs(lat) <= 90 && Math.abs(lng) <= 180;
}

export const LOCATION_HINT = "lat,lng, e.g. 51.5072,-0.1276";

/** Why `text` is not a value of this string attribute; null when it is. */
export function textIssue(text: string, attribute: AttributeKey): string | null {
  const label = labelOf(attribute);
  if (text.trim() === "") return `${label} can't be empty`;
  if (textLength(text) > MAX_TEXT_LENGTH) {
    return `${label} is at most ${MAX_TEXT_LENGTH} characters`;
  }
  if (keyOf(attribute) === "location" && !isLocation(text)) {
    return `Enter ${label} as ${LOCATION_HINT}`;
  }
  return null;
}
