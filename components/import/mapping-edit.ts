/**
 * Changes to a mapping as the page's selects make them, as pure functions: where one column, key
 * or Daylio part goes; which column holds the dates; a mood's step; a rule.
 */
import type { Attribute } from "@/lib/api/contract";
import type { DateFormat } from "@/lib/import/dates";
import type { DuplicateRule } from "@/lib/import/duplicates";
import type { FileSummary } from "@/lib/import/summary";
import { targetKey, type ImportMapping, type KeyMapping, type Mapped } from "@/lib/import/types";
import { withRule } from "./targets";

/** A place in the mapping that has a destination. */
export type SlotRef =
  | { kind: "column"; index: number }
  | { kind: "key"; key: string }
  | { kind: "mood" }
  | { kind: "note" }
  | { kind: "activity"; key: string };

const setKey = (list: readonly KeyMapping[], key: string, mapped: Mapped | null) =>
  list.map((item) => (item.key === key ? { key, mapped } : item));

export function mappedAt(mapping: ImportMapping, ref: SlotRef): Mapped | null {
  if (ref.kind === "column")
    return mapping.layout === "wide" ? (mapping.columns[ref.index] ?? null) : null;
  if (ref.kind === "key") {
    return mapping.layout === "long"
      ? (mapping.keys.find((k) => k.key === ref.key)?.mapped ?? null)
      : null;
  }
  if (mapping.layout !== "daylio") return null;
  if (ref.kind === "mood") return mapping.mood;
  if (ref.kind === "note") return mapping.note;
  return mapping.activities.find((k) => k.key === ref.key)?.mapped ?? null;
}

function placed(mapping: ImportMapping, ref: SlotRef, mapped: Mapped | null): ImportMapping {
  if (ref.kind === "column" && mapping.layout === "wide") {
    const columns = mapping.columns.map((item, index) => (index === ref.index ? mapped : item));
    // The date column given another destination: no column holds dates until one is chosen.
    const dateColumn = ref.index === mapping.dateColumn ? -1 : mapping.dateColumn;
    return { ...mapping, columns, dateColumn };
  }
  if (ref.kind === "key" && mapping.layout === "long") {
    return { ...mapping, keys: setKey(mapping.keys, ref.key, mapped) };
  }
  if (mapping.layout !== "daylio") return mapping;
  if (ref.kind === "mood") return { ...mapping, mood: mapped };
  if (ref.kind === "note") return { ...mapping, note: mapped };
  if (ref.kind === "activity") {
    return { ...mapping, activities: setKey(mapping.activities, ref.key, mapped) };
  }
  return mapping;
}

/** `ref` now goes to `mapped` (null: Ignore), with the default rule for a new target. */
export function setMapped(
  mapping: ImportMapping,
  ref: SlotRef,
  mapped: Mapped | null,
  attributes: readonly Attribute[],
): ImportMapping {
  const next = placed(mapping, ref, mapped);
  return { ...next, rules: withRule(next.rules, mapped, attributes) };
}

/** Column `index` holds the dates: it is no attribute's any more. */
export function setDateColumn(mapping: ImportMapping, index: number): ImportMapping {
  if (mapping.layout !== "wide") return { ...mapping, dateColumn: index };
  const columns = mapping.columns.map((item, at) => (at === index ? null : item));
  return { ...mapping, columns, dateColumn: index };
}

export function setRule(
  mapping: ImportMapping,
  mapped: Mapped,
  rule: DuplicateRule,
): ImportMapping {
  return { ...mapping, rules: { ...mapping.rules, [targetKey(mapped.target)]: rule } };
}

export function setMood(
  mapping: ImportMapping,
  label: string,
  value: number | null,
): ImportMapping {
  if (mapping.layout !== "daylio") return mapping;
  const moods = mapping.moods.map((step) => (step.label === label ? { label, value } : step));
  return { ...mapping, moods };
}

/** Every target the mapping writes, once each (two columns may go to one attribute). */
export function mappedTargets(mapping: ImportMapping): Mapped[] {
  const all =
    mapping.layout === "wide"
      ? mapping.columns
      : mapping.layout === "long"
        ? mapping.keys.map((k) => k.mapped)
        : [mapping.mood, mapping.note, ...mapping.activities.map((k) => k.mapped)];
  const seen = new Map<string, Mapped>();
  for (const item of all)
    if (item && !seen.has(targetKey(item.target))) seen.set(targetKey(item.target), item);
  return [...seen.values()];
}

/**
 * The date format once the dates moved to column `dateColumn`: the one its dates allow, none
 * (ask) when they read both ways, or the one chosen before when its cells are no dates to tell.
 */
export function dateFormatFor(
  summary: FileSummary,
  dateColumn: number,
  before: DateFormat | null,
): DateFormat | null {
  const possible = summary.columns[dateColumn]?.dateFormats ?? [];
  if (possible.length === 1) return possible[0] as DateFormat;
  return possible.length > 1 ? null : before;
}
