/**
 * The shapes an import passes through: a mapping (what each column or key of the file is) and
 * the plan made from it (one value per attribute and day, as Exist stores it). Plain data, so
 * they cross to and from the import worker as they are.
 */
import type { Units } from "@/lib/api/contract";
import type { DateFormat } from "./dates";
import type { DuplicateRule } from "./duplicates";

/** Where a file comes from, as recognised by its columns: it changes how cells read. */
export type Source = "daylio" | "loop" | "spreadsheet";

/**
 * wide: a date column and one column per attribute (spreadsheets, Loop Habit Tracker);
 * long: a date, an attribute and a value per row; daylio: Daylio's own export.
 */
export type Layout = "wide" | "long" | "daylio";

/** One of the person's attributes by name, or a daily tag to create (Exist then names it). */
export type ImportTarget = { kind: "attribute"; name: string } | { kind: "new-tag"; label: string };

/** Where a column or key goes, read in `units` (the person's profile units when absent). */
export type Mapped = { target: ImportTarget; units?: Units };

/** A column, key, Daylio activity or mood label and where it goes; null: Ignore. */
export type KeyMapping = { key: string; mapped: Mapped | null };

type MappingBase = {
  source: Source;
  dateColumn: number;
  dateFormat: DateFormat;
  /** The file writes 72,5 for 72.5. */
  decimalComma: boolean;
  /** By targetKey; a target without an entry takes defaultDuplicateRule. */
  rules: Record<string, DuplicateRule>;
};

/** `columns[i]` is column i's target; the date column's entry is null. */
export type WideMapping = MappingBase & { layout: "wide"; columns: Array<Mapped | null> };

export type LongMapping = MappingBase & {
  layout: "long";
  keyColumn: number;
  valueColumn: number;
  /** By the key column's cell, trimmed, as written. */
  keys: KeyMapping[];
};

/** A Daylio mood label and the step of Exist's mood scale (1–9) it becomes; null: not set. */
export type MoodStep = { label: string; value: number | null };

export type DaylioMapping = MappingBase & {
  layout: "daylio";
  moods: MoodStep[];
  mood: Mapped | null;
  note: Mapped | null;
  activities: KeyMapping[];
};

export type ImportMapping = WideMapping | LongMapping | DaylioMapping;

/**
 * One attribute's values from the file, one per day, oldest first. Days are day numbers
 * (days.ts: dateOfDay gives `YYYY-MM-DD`) and the columns are typed arrays, so the worker hands
 * a plan of a million values to the page without copying it (plannedItems reads it as items).
 */
export type PlannedAttribute = {
  target: ImportTarget;
  /** targetKey(target): the key of `ImportMapping.rules`. */
  key: string;
  label: string;
  valueType: number;
  rule: DuplicateRule;
  /** The person's days (dayNumber), ascending. */
  days: Int32Array;
  /** The value of each day as Exist stores it: texts for a string attribute, else numbers. */
  values: Float64Array | string[];
  /** The file's row each value came from (with several rows, the one kept or the latest). */
  rows: Int32Array;
  /** Days whose value combined several rows by `rule`. */
  combined: number;
  /** Values rounded to the places the person's unit shows (72.53 kg as 72.5). */
  rounded: number;
  /** Its cells that gave no value (rows refused for their date count in the plan's total only). */
  invalid: number;
  /** Days the file leaves empty for it, ascending: nothing is written (Exist cannot empty a day). */
  emptyDays: Int32Array;
};

/** A cell, or a whole row (a bad date), that gives no value, with the reason. */
export type InvalidCell = { row: number; column: string; cell: string; reason: string };

export type ImportPlan = {
  attributes: PlannedAttribute[];
  /** At most MAX_INVALID_DETAILS; `invalidCount` counts them all. */
  invalid: InvalidCell[];
  invalidCount: number;
  /** Values to compare with Exist's and maybe write, over all attributes. */
  valueCount: number;
  /** The span of the planned values' days; null when there are none. */
  firstDate: string | null;
  lastDate: string | null;
};

export function targetKey(target: ImportTarget): string {
  return target.kind === "attribute" ? target.name : `new-tag:${target.label.toLowerCase()}`;
}
