/**
 * The field valueField (field.ts) describes for logging a value, one type per kind of input:
 * what it takes as entered, its bounds, and its way to and from Exist's stored value.
 */
import type { Value } from "@/lib/api/contract";
import type { DurationEntry, Parsed } from "./entry";
import { incrementIssue, type AttributeKey, type WriteMode } from "./rules";

export type FieldKind =
  "number" | "decimal" | "duration" | "time" | "percent" | "boolean" | "scale" | "text";

/** The attribute as the page knows it (lib/api/contract.ts's Attribute fits). */
export type FieldAttribute = AttributeKey & { label: string; group?: { name: string } };

type Bounds = { min: number; max: number; step: number };

type FieldOf<K extends FieldKind, Entered> = {
  kind: K;
  valueType: number;
  /** The value field's label: the attribute's label, then the unit: "Weight (lb)". */
  label: string;
  /** The unit in the person's units ("lb", "%"); null when there is none. */
  unit: string | null;
  /** Exist's increment endpoint (Add to total) may add to it. */
  canIncrement: boolean;
  /** What the person entered, as Exist stores it; or why it cannot be. `mode` is "update" unless given. */
  toStored(entered: Entered, mode?: WriteMode): Parsed;
  /**
   * A stored value as the field holds it, in the person's units and rounded to the places they may
   * enter (to start from the day's value); empty (or null) for a value of another kind.
   */
  fromStored(stored: Value): Entered;
};

/** "number": whole numbers only; "decimal": `step` tells the places. Entered as typed text. */
export type NumberField = FieldOf<"number" | "decimal" | "percent" | "scale", string> & {
  constraints: { min?: number; max?: number; step: number };
};
export type DurationField = FieldOf<"duration", DurationEntry> & {
  constraints: { hours: Bounds; minutes: Bounds; maxMinutes: number };
};
/** Entered as "HH:MM" (24-hour), as an `<input type="time">` gives it. */
export type TimeField = FieldOf<"time", string>;
/** Yes / No; null when neither is chosen. `isTag`: a daily tag (the `custom` group). */
export type BooleanField = FieldOf<"boolean", boolean | null> & { isTag: boolean };
export type TextField = FieldOf<"text", string> & {
  constraints: { maxLength: number };
  /** The expected form, where there is one ("lat,lng, e.g. ..."). */
  hint: string | null;
};

export type ValueField = NumberField | DurationField | TimeField | BooleanField | TextField;

/** The field of one kind: `FieldOfKind<"duration">` is a DurationField. */
export type FieldOfKind<K extends FieldKind> = ValueField & { kind: K };

/** Refuses increments of what cannot be added to, then parses. */
export function guarded<E>(
  attribute: AttributeKey,
  parse: (entered: E, mode: WriteMode) => Parsed,
) {
  return (entered: E, mode: WriteMode = "update"): Parsed => {
    const issue = mode === "increment" ? incrementIssue(attribute) : null;
    return issue ? { ok: false, error: issue } : parse(entered, mode);
  };
}

export const labelled = (label: string, unit: string | null) =>
  unit ? `${label} (${unit})` : label;
