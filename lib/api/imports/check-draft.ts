/**
 * The draft's values checked against the attributes as Exist has them (value types from Exist,
 * not from the body), with the rules every write goes through (lib/values/stored.ts), and no
 * day after the person's today. The first problem is named, with the file's row.
 */
import "server-only";
import type { Attribute } from "@/lib/api/contract";
import { ApiError } from "@/lib/api/errors";
import type { DraftAttribute } from "@/lib/validations/imports";
import { dateIssue } from "@/lib/values/dates";
import type { AttributeKey } from "@/lib/values/rules";
import { storedValueIssue } from "@/lib/values/stored";
import { VALUE_TYPE } from "@/lib/values/value-types";

const invalid = (where: string, message: string) =>
  new ApiError("validation_failed", `${where}: ${message}`);

/** The attribute key values are checked against: Exist's attribute, or the new tag's. */
export function keyFor(
  draft: DraftAttribute,
  attributes: ReadonlyMap<string, Attribute>,
  index: number,
): AttributeKey {
  const where = `attributes[${index}]`;
  if (draft.name === null) {
    return {
      name: draft.newTagLabel ?? "",
      label: draft.newTagLabel,
      value_type: VALUE_TYPE.boolean,
    };
  }
  const attribute = attributes.get(draft.name);
  if (!attribute) throw invalid(`${where}.name`, `there is no attribute named ${draft.name}`);
  if (attribute.value_type !== draft.valueType) {
    throw invalid(
      `${where}.valueType`,
      `${attribute.label} holds value type ${attribute.value_type}, not ${draft.valueType}`,
    );
  }
  return attribute;
}

export function checkDraft(
  drafts: readonly DraftAttribute[],
  attributes: ReadonlyMap<string, Attribute>,
  today: string,
): AttributeKey[] {
  return drafts.map((draft, index) => {
    const key = keyFor(draft, attributes, index);
    const where = `attributes[${index}]`;
    draft.days.forEach((date, position) => {
      const row = `(row ${draft.rows[position]})`;
      const late = dateIssue(date, today);
      if (late) throw invalid(`${where}.days[${position}]`, `${late} ${row}`);
      const issue = storedValueIssue(key, draft.values[position]);
      if (issue) throw invalid(`${where}.values[${position}]`, `${issue} ${row}`);
    });
    draft.emptyDays.forEach((date, position) => {
      const late = dateIssue(date, today);
      if (late) throw invalid(`${where}.emptyDays[${position}]`, late);
    });
    return key;
  });
}
