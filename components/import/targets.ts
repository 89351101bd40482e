/**
 * The choices of a column's select, as the select's values: an attribute by name, a daily tag to
 * create by its label, the date, or nothing. Plain functions, so the select stays a small piece.
 */
import type { Attribute, Units } from "@/lib/api/contract";
import { defaultDuplicateRule } from "@/lib/import/duplicates";
import { targetKey, type ImportMapping, type Mapped } from "@/lib/import/types";
import { VALUE_TYPE } from "@/lib/values/value-types";

export const DATE = "date";
export const IGNORE = "ignore";

const WRITABLE: ReadonlySet<number> = new Set(Object.values(VALUE_TYPE));

/** Attributes a file can write, in Exist's order (groups, then priority). */
export const importable = (attributes: readonly Attribute[]) =>
  attributes.filter((attribute) => WRITABLE.has(attribute.value_type));

export function choiceOf(mapped: Mapped | null): string {
  if (!mapped) return IGNORE;
  const { target } = mapped;
  return target.kind === "attribute" ? `attribute:${target.name}` : `new-tag:${target.label}`;
}

/** The Mapped a choice stands for (the date and Ignore are not targets: null). */
export function mappedOf(choice: string): Mapped | null {
  if (choice.startsWith("attribute:")) {
    return { target: { kind: "attribute", name: choice.slice("attribute:".length) } };
  }
  if (choice.startsWith("new-tag:")) {
    return { target: { kind: "new-tag", label: choice.slice("new-tag:".length) } };
  }
  return null;
}

export const attributeOf = (attributes: readonly Attribute[], mapped: Mapped | null) =>
  mapped?.target.kind === "attribute"
    ? (attributes.find(
        (attribute) => attribute.name === (mapped.target as { name: string }).name,
      ) ?? null)
    : null;

/** The rules with one for each target now mapped, a new one at its value type's default. */
export function withRule(
  rules: ImportMapping["rules"],
  mapped: Mapped | null,
  attributes: readonly Attribute[],
): ImportMapping["rules"] {
  if (!mapped) return rules;
  const key = targetKey(mapped.target);
  if (rules[key]) return rules;
  const attribute = attributeOf(attributes, mapped);
  return { ...rules, [key]: attribute ? defaultDuplicateRule(attribute) : "max" };
}

/** The units a column is read in: its own, or the profile's. */
export const unitsOf = (mapped: Mapped, units: Units): Units => mapped.units ?? units;

/** Who the attribute is acquired from, when this app does not own it yet. */
export function ownerText(attribute: Attribute): string {
  return attribute.service ? attribute.service.label : "no service (it is inactive)";
}
