"use client";

import type { Attribute, Units } from "@/lib/api/contract";
import { duplicateRuleLabel, duplicateRulesFor, type DuplicateRule } from "@/lib/import/duplicates";
import type { Mapped } from "@/lib/import/types";
import { keyOf } from "@/lib/values/rules";
import { unitOf } from "@/lib/values/units";
import { VALUE_TYPE } from "@/lib/values/value-types";
import { badgeClass, selectClass } from "./styles";
import type { TargetRowProps } from "./target-row";
import { ownerText, unitsOf } from "./targets";

type TargetDetailsProps = Pick<TargetRowProps, "id" | "name" | "units" | "ruleNote"> & {
  mapped: Mapped;
  attribute: Attribute | null;
  rule: DuplicateRule;
  onUnits: (units: Units) => void;
  onRule: (rule: DuplicateRule) => void;
};

const TAG = { value_type: VALUE_TYPE.boolean, template: null, name: "" };

/** Under a mapped column: who it is acquired from or that it is created, its unit, its rule. */
export function TargetDetails(props: TargetDetailsProps) {
  const { id, name, mapped, attribute, rule } = props;
  const imperial = attribute ? unitOf(keyOf(attribute))?.imperial : undefined;
  const metric = attribute ? unitOf(keyOf(attribute))?.metric : undefined;
  const units = unitsOf(mapped, props.units);
  return (
    <div className="mt-2 flex flex-wrap items-end gap-x-4 gap-y-2 text-sm">
      {mapped.target.kind === "new-tag" ? (
        <span className={badgeClass("indigo")}>Will be created as a daily tag</span>
      ) : attribute && !attribute.ownedByApp ? (
        <span className={badgeClass("amber")}>Will be acquired from {ownerText(attribute)}</span>
      ) : null}
      {imperial && metric ? (
        <label className="grid gap-1">
          <span className="text-xs font-medium">Units of {name}</span>
          <select
            id={`${id}-units`}
            className={selectClass}
            value={units[imperial.flag] ? "imperial" : "metric"}
            onChange={(event) =>
              props.onUnits({ ...units, [imperial.flag]: event.target.value === "imperial" })
            }
          >
            <option value="metric">{metric.label}</option>
            <option value="imperial">{imperial.label}</option>
          </select>
        </label>
      ) : null}
      {props.ruleNote ? (
        <p className="text-xs">{props.ruleNote}</p>
      ) : (
        <label className="grid gap-1">
          <span className="text-xs font-medium">Several rows for a day ({name})</span>
          <select
            id={`${id}-rule`}
            className={selectClass}
            value={rule}
            onChange={(event) => props.onRule(event.target.value as DuplicateRule)}
          >
            {duplicateRulesFor(attribute ?? TAG).map((choice) => (
              <option key={choice} value={choice}>
                {duplicateRuleLabel(choice, attribute ?? TAG)}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
