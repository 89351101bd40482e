"use client";

import type { Attribute, Units } from "@/lib/api/contract";
import { defaultDuplicateRule } from "@/lib/import/duplicates";
import { targetKey, type ImportMapping, type Mapped } from "@/lib/import/types";
import { mutedClass } from "./styles";
import { TargetDetails } from "./target-details";
import { TargetSelect } from "./target-select";
import { attributeOf } from "./targets";

export type TargetRowProps = {
  id: string;
  /** After the name in the select's accessible name, read but not shown: " column". */
  suffix: string;
  /** What the file calls it ("Weight (lb)", "walk"). */
  name: string;
  /** A few of its cells, or how many rows have it. */
  hint?: string;
  mapped: Mapped | null;
  isDate?: boolean;
  offerDate?: boolean;
  newTagLabel?: string | null;
  /** Instead of the rule's select: how several rows of a day combine, when only one way. */
  ruleNote?: string;
  mapping: ImportMapping;
  attributes: readonly Attribute[];
  units: Units;
  onChoice: (choice: string) => void;
  onChange: (mapping: ImportMapping) => void;
  onMapped: (mapped: Mapped) => void;
};

/** One column (or key, or Daylio part): its name and cells, where it goes, and how. */
export function TargetRow(props: TargetRowProps) {
  const { id, mapped, mapping, attributes } = props;
  const attribute = attributeOf(attributes, mapped);
  const rule = mapped
    ? (mapping.rules[targetKey(mapped.target)] ??
      (attribute ? defaultDuplicateRule(attribute) : "max"))
    : null;
  return (
    <li className="py-3">
      <div className="grid gap-2 sm:grid-cols-[minmax(0,1fr)_16rem] sm:items-center">
        <div className="min-w-0">
          <label htmlFor={id} className="font-medium break-words">
            {props.name} <span className="sr-only">{props.suffix.trim()}</span>
          </label>
          {props.hint ? <p className={`${mutedClass} truncate`}>{props.hint}</p> : null}
        </div>
        <TargetSelect
          id={id}
          value={mapped}
          isDate={props.isDate}
          offerDate={props.offerDate}
          newTagLabel={props.newTagLabel}
          attributes={attributes}
          onChange={props.onChoice}
        />
      </div>
      {mapped && rule ? (
        <TargetDetails
          {...props}
          mapped={mapped}
          attribute={attribute}
          rule={rule}
          onUnits={(units) => props.onMapped({ ...mapped, units })}
          onRule={(next) =>
            props.onChange({
              ...mapping,
              rules: { ...mapping.rules, [targetKey(mapped.target)]: next },
            })
          }
        />
      ) : null}
    </li>
  );
}
