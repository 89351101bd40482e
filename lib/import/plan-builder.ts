/**
 * Collects a file's cells into one value per attribute and day: each cell read by its
 * attribute's field, several rows of a day combined by the attribute's rule, and every cell that
 * gives no value kept with its row and reason. planImport (plan.ts) feeds it row by row.
 */
import type { Units } from "@/lib/api/contract";
import {
  valueField,
  type FieldAttribute,
  type StoredValue,
  type ValueField,
} from "@/lib/values/field";
import { storedValueIssue } from "@/lib/values/stored";
import { VALUE_TYPE } from "@/lib/values/value-types";
import { readCell, type CellValue } from "./cells";
import { dateOfDay } from "./days";
import {
  combineDuplicates,
  defaultDuplicateRule,
  duplicateRulesFor,
  type DuplicateRule,
} from "./duplicates";
import { MAX_INVALID_DETAILS } from "./limits";
import { loopCell } from "./loop";
import {
  targetKey,
  type ImportMapping,
  type ImportPlan,
  type ImportTarget,
  type InvalidCell,
  type Mapped,
  type PlannedAttribute,
} from "./types";

export type PlanContext = {
  /** The person's attributes (the attributes list's rows fit). */
  attributes: readonly FieldAttribute[];
  /** The profile's units, for columns that do not name their own. */
  units: Units;
  /** Today in the person's Exist time zone: later days are refused. */
  today: string;
  /** The person's Exist time zone, for times with an offset. */
  timezone: string;
};

/** A value of a day that has several rows: its time of day (null: none written) and row. */
type Entry = { value: StoredValue; time: number | null; row: number };

/**
 * One target's values as they are read: parallel arrays (few objects for a million cells), a
 * day's place by its number, and every value of a day that has several rows.
 */
type Collected = {
  target: ImportTarget;
  key: string;
  attribute: FieldAttribute;
  places: Map<number, number>;
  days: number[];
  values: StoredValue[];
  rows: number[];
  times: Array<number | null>;
  more: Map<number, Entry[]>;
  empty: Set<number>;
  rounded: number;
  /** Its cells that gave no value (a row refused for its date counts for the whole row). */
  invalid: number;
};

function collecting(key: string, target: ImportTarget, attribute: FieldAttribute): Collected {
  const [places, more, empty] = [new Map(), new Map(), new Set<number>()];
  return {
    target,
    key,
    attribute,
    places,
    days: [],
    values: [],
    rows: [],
    times: [],
    more,
    empty,
    rounded: 0,
    invalid: 0,
  };
}

/** Days (as first met in the file) that run from the latest to the earliest. */
function newestFirst(days: readonly number[]): boolean {
  return (
    days.length > 1 && days.every((day, place) => place === 0 || (days[place - 1] as number) > day)
  );
}

/** Places in day order: files are mostly in order already, oldest or newest first. */
function dayOrder(days: readonly number[]): number[] {
  const places = days.map((_, place) => place);
  const ascending = days.every((day, place) => place === 0 || (days[place - 1] as number) < day);
  if (ascending) return places;
  if (newestFirst(days)) return places.reverse();
  return places.sort((a, b) => (days[a] as number) - (days[b] as number));
}

/** A column (or key, or Daylio field) that feeds one target through one field. */
export type Slot = {
  column: string;
  collected: Collected;
  field: ValueField | null;
  /** Why no cell of it can be read (no such attribute); null when they can. */
  problem: string | null;
  /** Cells already read: a column repeats its cells (moods, yes/no, weights) day after day. */
  read: Map<string, CellValue>;
};

/** Distinct cells remembered per slot: a column of notes would otherwise keep every note. */
const MAX_REMEMBERED = 20_000;

/** Exist names a tag when it creates it; until then the plan holds it by its label. */
function newTag(label: string): FieldAttribute {
  return {
    name: label,
    template: null,
    label,
    value_type: VALUE_TYPE.boolean,
    group: { name: "custom" },
  };
}

export class PlanBuilder {
  private readonly collected = new Map<string, Collected>();
  private readonly invalid: InvalidCell[] = [];
  private invalidCount = 0;

  constructor(
    private readonly mapping: ImportMapping,
    private readonly context: PlanContext,
  ) {}

  /** A cell or row that gives no value; `slot` when it is one attribute's cell. */
  reject(row: number, column: string, cell: string, reason: string, slot?: Slot): void {
    if (slot) slot.collected.invalid++;
    this.invalidCount++;
    if (this.invalid.length < MAX_INVALID_DETAILS) this.invalid.push({ row, column, cell, reason });
  }

  /** The slot for a mapped column; null for one that is ignored. */
  slot(mapped: Mapped | null, column: string): Slot | null {
    if (!mapped) return null;
    const key = targetKey(mapped.target);
    const { target } = mapped;
    const attribute =
      target.kind === "new-tag"
        ? newTag(target.label)
        : this.context.attributes.find((candidate) => candidate.name === target.name);
    if (!attribute) {
      // Not collected: an attribute the person does not have is no part of the plan.
      const detached = collecting(key, target, newTag(key));
      const problem = `There is no attribute named ${key}`;
      return { column, collected: detached, field: null, problem, read: new Map() };
    }
    const field = valueField(attribute, mapped.units ?? this.context.units);
    const problem = field ? null : `${attribute.label} has a value type this app can't write`;
    return {
      column,
      collected: this.collect(key, target, attribute),
      field,
      problem,
      read: new Map(),
    };
  }

  private collect(key: string, target: ImportTarget, attribute: FieldAttribute): Collected {
    let found = this.collected.get(key);
    if (!found) {
      found = collecting(key, target, attribute);
      this.collected.set(key, found);
    }
    return found;
  }

  /**
   * One cell of `slot` for `day` (the person's day, dayNumber), from the file's row `row`;
   * `time`, the time of day written with its date (seconds), orders a day's several rows.
   */
  add(slot: Slot, row: number, day: number, cell: string, time: number | null = null): void {
    const target = slot.collected;
    if (cell.trim() === "") return void target.empty.add(day);
    if (!slot.field || slot.problem) {
      return this.reject(row, slot.column, cell, slot.problem ?? "", slot);
    }
    const yesNo = slot.field.kind === "boolean";
    const text = this.mapping.source === "loop" ? loopCell(cell, yesNo) : cell;
    const read = this.read(slot, slot.field, text);
    if (read.kind === "empty") return void target.empty.add(day);
    if (read.kind === "invalid") return this.reject(row, slot.column, cell, read.error, slot);
    if (read.rounded) target.rounded++;
    const place = target.places.get(day);
    if (place === undefined) {
      target.places.set(day, target.days.length);
      target.days.push(day);
      target.values.push(read.value);
      target.rows.push(row);
      target.times.push(time);
    } else {
      const entry = { value: read.value, time, row };
      const more = target.more.get(place);
      if (more) more.push(entry);
      else target.more.set(place, [entry]);
    }
  }

  /** readCell, remembered: the same cell of the same column reads the same. */
  private read(slot: Slot, field: ValueField, text: string): CellValue {
    const known = slot.read.get(text);
    if (known) return known;
    const read = readCell(text, field, { decimalComma: this.mapping.decimalComma });
    if (slot.read.size < MAX_REMEMBERED) slot.read.set(text, read);
    return read;
  }

  private rule(collected: Collected): DuplicateRule {
    const chosen = this.mapping.rules[collected.key];
    const allowed = chosen && duplicateRulesFor(collected.attribute).includes(chosen);
    return allowed ? chosen : defaultDuplicateRule(collected.attribute);
  }

  /**
   * The day's several rows from earliest to latest, which "first" and "last" mean: by the time
   * written with the date; rows of the same time (or none) by their place in the file, read
   * from the bottom up when the file lists its days newest first.
   */
  private inTimeOrder(collected: Collected, place: number, newestFirst: boolean): Entry[] {
    const first = {
      value: collected.values[place] as StoredValue,
      time: collected.times[place] ?? null,
      row: collected.rows[place] as number,
    };
    const entries = [first, ...(collected.more.get(place) ?? [])];
    const direction = newestFirst ? -1 : 1;
    return entries.sort((a, b) => (a.time ?? -1) - (b.time ?? -1) || (a.row - b.row) * direction);
  }

  /** The day's one value and its row, or null when the rows combined do not fit (reported). */
  private dayValue(
    collected: Collected,
    place: number,
    rule: DuplicateRule,
    newestFirst: boolean,
  ): { value: StoredValue; row: number } | null {
    const value = collected.values[place] as StoredValue;
    if (!collected.more.has(place)) return { value, row: collected.rows[place] as number };
    const entries = this.inTimeOrder(collected, place, newestFirst);
    const { attribute } = collected;
    const combined = combineDuplicates(
      entries.map((entry) => entry.value),
      rule,
      attribute,
    );
    // The row reported: the one kept, for first; the latest, for every other rule.
    const row = (rule === "first" ? entries[0] : entries.at(-1))?.row as number;
    const issue = storedValueIssue(attribute, combined);
    if (!issue) return { value: combined, row };
    const date = dateOfDay(collected.days[place] as number);
    collected.invalid++;
    this.reject(row, attribute.label, String(combined), `${issue} (rows of ${date} combined)`);
    return null;
  }

  private planned(collected: Collected): PlannedAttribute {
    const { attribute, key } = collected;
    const rule = this.rule(collected);
    const text = attribute.value_type === VALUE_TYPE.string;
    const days: number[] = [];
    const values: StoredValue[] = [];
    const rows: number[] = [];
    let combined = 0;
    const latestFirst = newestFirst(collected.days);
    for (const place of dayOrder(collected.days)) {
      const day = this.dayValue(collected, place, rule, latestFirst);
      if (day === null) continue;
      if (collected.more.has(place)) combined++;
      days.push(collected.days[place] as number);
      values.push(day.value);
      rows.push(day.row);
    }
    const empty = [...collected.empty].filter((day) => !collected.places.has(day));
    return {
      target: collected.target,
      key,
      label: attribute.label,
      valueType: attribute.value_type,
      rule,
      days: Int32Array.from(days),
      values: text ? (values as string[]) : Float64Array.from(values as number[]),
      rows: Int32Array.from(rows),
      combined,
      rounded: collected.rounded,
      invalid: collected.invalid,
      emptyDays: Int32Array.from(empty).sort(),
    };
  }

  build(): ImportPlan {
    const attributes = [...this.collected.values()].map((collected) => this.planned(collected));
    const ends = attributes.flatMap(({ days }) => (days.length ? [days[0], days.at(-1)] : []));
    const first = ends.length ? Math.min(...(ends as number[])) : null;
    const last = ends.length ? Math.max(...(ends as number[])) : null;
    return {
      attributes,
      invalid: this.invalid.sort((a, b) => a.row - b.row),
      invalidCount: this.invalidCount,
      valueCount: attributes.reduce((total, planned) => total + planned.days.length, 0),
      firstDate: first === null ? null : dateOfDay(first),
      lastDate: last === null ? null : dateOfDay(last),
    };
  }
}
