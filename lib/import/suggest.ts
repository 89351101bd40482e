/**
 * The mapping the page starts from: each column (or long file's key, or Daylio activity)
 * matched to one of the person's attributes by label or name, without regard to case, spaces or
 * underscores ("Time asleep", "time_asleep" and "TIME ASLEEP" are one); a unit in the header
 * ("Weight (lb)") reads that column in that unit. Yes/no columns that match no attribute become
 * tags to create; everything else unmatched is ignored. The person changes any of it.
 */
import type { Units } from "@/lib/api/contract";
import type { FieldAttribute } from "@/lib/values/field";
import { keyOf } from "@/lib/values/rules";
import { unitOf } from "@/lib/values/units";
import { VALUE_TYPE } from "@/lib/values/value-types";
import { daylioMoodTable } from "./daylio";
import { defaultDuplicateRule } from "./duplicates";
import { headerWord } from "./layout";
import type { ColumnKind } from "./profile";
import type { FileSummary } from "./summary";
import { targetKey, type ImportMapping, type KeyMapping, type Mapped } from "./types";

const WRITABLE: ReadonlySet<number> = new Set(Object.values(VALUE_TYPE));

const UNIT_IN_HEADER = /\s*[([]([^()[\]]+)[)\]]\s*$/;

/** "Weight (lb)" → "weight"; "mood_note" → "moodnote". */
export function attributeWord(text: string): string {
  return headerWord(text.replace(UNIT_IN_HEADER, ""));
}

/** The attribute a header or key names, by label, then name, then template; null if none. */
export function findAttribute<A extends FieldAttribute>(
  key: string,
  attributes: readonly A[],
): A | null {
  const word = attributeWord(key);
  if (word === "") return null;
  const writable = attributes.filter((attribute) => WRITABLE.has(attribute.value_type));
  const by = (field: (attribute: A) => string | null | undefined) =>
    writable.find((attribute) => {
      const value = field(attribute);
      return value ? attributeWord(value) === word : false;
    });
  return by((a) => a.label) ?? by((a) => a.name) ?? by((a) => a.template) ?? null;
}

/** The units a header names ("Weight (lb)"), when they differ from the person's; else undefined. */
export function unitsFromHeader(
  header: string,
  attribute: FieldAttribute,
  units: Units,
): Units | undefined {
  const named = UNIT_IN_HEADER.exec(header)?.[1]?.trim().toLowerCase();
  const spec = unitOf(keyOf(attribute));
  if (!named || !spec?.imperial) return undefined;
  const { flag } = spec.imperial;
  const imperial = named === spec.imperial.label?.toLowerCase();
  if (!imperial && named !== spec.metric.label?.toLowerCase()) return undefined;
  return units[flag] === imperial ? undefined : { ...units, [flag]: imperial };
}

/** Where a column or key of this kind goes, to begin with. */
export function suggestTarget(
  key: string,
  kind: ColumnKind,
  attributes: readonly FieldAttribute[],
  units: Units,
): Mapped | null {
  const attribute = findAttribute(key, attributes);
  if (attribute) {
    const columnUnits = unitsFromHeader(key, attribute, units);
    const target = { kind: "attribute", name: attribute.name } as const;
    return columnUnits ? { target, units: columnUnits } : { target };
  }
  const label = key.replace(UNIT_IN_HEADER, "").trim();
  return kind === "boolean" && label ? { target: { kind: "new-tag", label } } : null;
}

function rulesOf(mapped: Array<Mapped | null>, attributes: readonly FieldAttribute[]) {
  const rules: ImportMapping["rules"] = {};
  for (const item of mapped) {
    if (!item) continue;
    const { target } = item;
    const attribute =
      target.kind === "attribute" ? attributes.find((a) => a.name === target.name) : null;
    rules[targetKey(target)] = attribute ? defaultDuplicateRule(attribute) : "max";
  }
  return rules;
}

function byTemplate(template: string, attributes: readonly FieldAttribute[]): Mapped | null {
  const attribute = attributes.find((a) => (a.template ?? a.name) === template);
  return attribute ? { target: { kind: "attribute", name: attribute.name } } : null;
}

/** The mapping suggested for a file: the layout found, each column or key matched. */
export function suggestMapping(
  summary: FileSummary,
  attributes: readonly FieldAttribute[],
  units: Units,
): ImportMapping {
  const base = {
    source: summary.source,
    dateColumn: summary.dateColumn,
    dateFormat: summary.dateFormats[0] ?? "iso",
    decimalComma: summary.decimalComma,
  };
  const keyed = (key: string, kind: ColumnKind): KeyMapping => ({
    key,
    mapped: suggestTarget(key, kind, attributes, units),
  });
  if (summary.layout === "daylio") {
    const mood = byTemplate("mood", attributes);
    const note = byTemplate("mood_note", attributes);
    const activities = (summary.daylio?.activities ?? []).map(({ label }) =>
      keyed(label, "boolean"),
    );
    const moods = daylioMoodTable((summary.daylio?.moods ?? []).map(({ label }) => label));
    const rules = rulesOf([mood, note, ...activities.map((a) => a.mapped)], attributes);
    return { ...base, layout: "daylio", moods, mood, note, activities, rules };
  }
  if (summary.layout === "long" && summary.keyColumn !== null && summary.valueColumn !== null) {
    const keys = summary.keys.map(({ key, kind }) => keyed(key, kind));
    const rules = rulesOf(
      keys.map((k) => k.mapped),
      attributes,
    );
    return {
      ...base,
      layout: "long",
      keyColumn: summary.keyColumn,
      valueColumn: summary.valueColumn,
      keys,
      rules,
    };
  }
  // Without a header, columns are "Column 2": no name to match, none to give a new tag.
  const columns = summary.columns.map((column) =>
    column.index === summary.dateColumn || column.kind === "empty" || !summary.hasHeader
      ? null
      : suggestTarget(column.header, column.kind, attributes, units),
  );
  return { ...base, layout: "wide", columns, rules: rulesOf(columns, attributes) };
}
