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
import { readCell } from "./cells";
import { combineDuplicates, defaultDuplicateRule, duplicateRulesFor } from "./duplicates";
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

type Day = { value: StoredValue; row: number; more: StoredValue[] | null };

type Collected = {
  target: ImportTarget;
  key: string;
  attribute: FieldAttribute;
  days: Map<string, Day>;
  empty: Set<string>;
  rounded: number;
};

/** A column (or key, or Daylio field) that feeds one target through one field. */
export type Slot = {
  column: string;
  collected: Collected;
  field: ValueField | null;
  /** Why no cell of it can be read (no such attribute); null when they can. */
  problem: string | null;
};

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

  reject(row: number, column: string, cell: string, reason: string): void {
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
      const detached = {
        target,
        key,
        attribute: newTag(key),
        days: new Map(),
        empty: new Set<string>(),
        rounded: 0,
      };
      return {
        column,
        collected: detached,
        field: null,
        problem: `There is no attribute named ${key}`,
      };
    }
    const field = valueField(attribute, mapped.units ?? this.context.units);
    const problem = field ? null : `${attribute.label} has a value type this app can't write`;
    return { column, collected: this.collect(key, target, attribute), field, problem };
  }

  private collect(key: string, target: ImportTarget, attribute: FieldAttribute): Collected {
    let collected = this.collected.get(key);
    if (!collected) {
      collected = { target, key, attribute, days: new Map(), empty: new Set(), rounded: 0 };
      this.collected.set(key, collected);
    }
    return collected;
  }

  /** One cell of `slot` for `date` (the person's day), from the file's row `row`. */
  add(slot: Slot, row: number, date: string, cell: string): void {
    if (cell.trim() === "") {
      slot.collected.empty.add(date);
      return;
    }
    if (!slot.field || slot.problem) return this.reject(row, slot.column, cell, slot.problem ?? "");
    const text =
      this.mapping.source === "loop" ? loopCell(cell, slot.field.kind === "boolean") : cell;
    const read = readCell(text, slot.field, { decimalComma: this.mapping.decimalComma });
    if (read.kind === "empty") return void slot.collected.empty.add(date);
    if (read.kind === "invalid") return this.reject(row, slot.column, cell, read.error);
    if (read.rounded) slot.collected.rounded++;
    const day = slot.collected.days.get(date);
    if (!day) slot.collected.days.set(date, { value: read.value, row, more: null });
    else {
      (day.more ??= []).push(read.value);
      day.row = row;
    }
  }

  private planned(collected: Collected): PlannedAttribute {
    const { attribute, key } = collected;
    const chosen = this.mapping.rules[key];
    const rule =
      chosen && duplicateRulesFor(attribute).includes(chosen)
        ? chosen
        : defaultDuplicateRule(attribute);
    const planned: PlannedAttribute = {
      target: collected.target,
      key,
      label: attribute.label,
      valueType: attribute.value_type,
      rule,
      dates: [],
      values: [],
      rows: [],
      combined: 0,
      rounded: collected.rounded,
      emptyDates: [...collected.empty].filter((date) => !collected.days.has(date)).sort(),
    };
    for (const date of [...collected.days.keys()].sort()) {
      const day = collected.days.get(date) as Day;
      const value = day.more
        ? combineDuplicates([day.value, ...day.more], rule, attribute)
        : day.value;
      const issue = day.more ? storedValueIssue(attribute, value) : null;
      if (issue) {
        this.reject(day.row, attribute.label, String(value), `${issue} (rows of ${date} combined)`);
        continue;
      }
      if (day.more) planned.combined++;
      planned.dates.push(date);
      planned.values.push(value);
      planned.rows.push(day.row);
    }
    return planned;
  }

  build(): ImportPlan {
    const attributes = [...this.collected.values()].map((collected) => this.planned(collected));
    const dates = attributes.flatMap((planned) =>
      planned.dates.length ? [planned.dates[0] as string, planned.dates.at(-1) as string] : [],
    );
    dates.sort();
    return {
      attributes,
      invalid: this.invalid.sort((a, b) => a.row - b.row),
      invalidCount: this.invalidCount,
      valueCount: attributes.reduce((total, planned) => total + planned.values.length, 0),
      firstDate: dates[0] ?? null,
      lastDate: dates.at(-1) ?? null,
    };
  }
}
