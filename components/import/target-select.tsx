"use client";

import type { Attribute } from "@/lib/api/contract";
import { selectClass } from "./styles";
import { choiceOf, DATE, IGNORE, importable } from "./targets";
import type { Mapped } from "@/lib/import/types";

type TargetSelectProps = {
  id: string;
  value: Mapped | null;
  isDate?: boolean;
  /** Whether "Date" is offered (the file's columns, not a long file's keys or Daylio's parts). */
  offerDate?: boolean;
  /** A daily tag to create under this label, offered for yes/no columns. */
  newTagLabel?: string | null;
  attributes: readonly Attribute[];
  onChange: (choice: string) => void;
};

/** One column's destination: Date, Ignore, one of the person's attributes, or a new daily tag. */
export function TargetSelect(props: TargetSelectProps) {
  const { id, value, attributes, newTagLabel } = props;
  const groups = new Map<string, Attribute[]>();
  for (const attribute of importable(attributes)) {
    const list = groups.get(attribute.group.label) ?? [];
    if (!groups.has(attribute.group.label)) groups.set(attribute.group.label, list);
    list.push(attribute);
  }
  const current = props.isDate ? DATE : choiceOf(value);
  const tagChoice = newTagLabel ? `new-tag:${newTagLabel}` : null;
  const knownTag = value?.target.kind === "new-tag" ? choiceOf(value) : null;
  return (
    <select
      id={id}
      className={selectClass}
      value={current}
      onChange={(event) => props.onChange(event.target.value)}
    >
      <option value={IGNORE}>Ignore</option>
      {props.offerDate !== false ? <option value={DATE}>Date</option> : null}
      {[...new Set([tagChoice, knownTag])].map((choice) =>
        choice ? (
          <option key={choice} value={choice}>
            New daily tag “{choice.slice("new-tag:".length)}”
          </option>
        ) : null,
      )}
      {[...groups].map(([group, list]) => (
        <optgroup key={group} label={group}>
          {list.map((attribute) => (
            <option key={attribute.name} value={`attribute:${attribute.name}`}>
              {attribute.label}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
