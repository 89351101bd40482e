"use client";

import { AllowWritingButton } from "@/components/access/allow-writing-button";
import { canWrite, readOnlyReason, type WriteAccess } from "@/lib/scopes";
import type { AttributeGroup } from "@/lib/attributes/grouping";
import type { Attribute } from "@/lib/attributes/types";
import { AttributeRow } from "./attribute-row";
import type { ListValues, RowValues } from "./row-values";

type AttributeGroupSectionProps = {
  entry: AttributeGroup;
  access: WriteAccess;
  pending: ReadonlySet<string>;
  selection: ReadonlySet<string>;
  onSelect: (name: string, selected: boolean) => void;
  onToggle: (attribute: Attribute) => void;
  onLog: (attribute: Attribute) => void;
  /** Null until values have loaded. */
  values: ListValues;
  existUrl: string;
};

/** One row's values, the same object across renders while values do not change (rows are memo). */
const rowCache = new WeakMap<object, Map<string, RowValues>>();

function rowValues(values: ListValues, name: string): RowValues {
  if (!values) return null;
  let rows = rowCache.get(values.byName);
  if (!rows) {
    rows = new Map();
    rowCache.set(values.byName, rows);
  }
  let row = rows.get(name);
  if (!row) {
    row = { view: values.view, values: values.byName[name] };
    rows.set(name, row);
  }
  return row;
}

export function AttributeGroupSection(props: AttributeGroupSectionProps) {
  const { entry, access } = props;
  const headingId = `group-${entry.group.name}`;
  const reason = readOnlyReason(entry.group.name, access);
  const manualNote =
    reason && access.manualWrite && entry.items.some((attribute) => attribute.manual)
      ? " (manual attributes can still be acquired as manual entry)"
      : "";

  return (
    <section aria-labelledby={headingId} className="mt-4 sm:mt-6">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 px-1">
        {/* Element Timing: when the list's text first painted (read by bench/browser.ts). */}
        <h2
          id={headingId}
          className="text-lg font-semibold"
          {...{ elementtiming: "attributes-list" }}
        >
          {entry.group.label}
        </h2>
        {reason ? (
          <p className="text-sm text-amber-800 dark:text-amber-300">
            {reason}
            {manualNote}
          </p>
        ) : null}
      </div>
      {reason ? (
        <AllowWritingButton
          group={entry.group.name}
          label={entry.group.label}
          returnToId={headingId}
          className="mt-2"
        />
      ) : null}
      {/* Empty for a moment while a long list renders its first rows (attribute-list.tsx). */}
      {entry.items.length === 0 ? null : (
        <ul className="mt-2 divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
          {entry.items.map((attribute) => {
            const writable = canWrite(attribute, access);
            return (
              <AttributeRow
                key={attribute.name}
                attribute={attribute}
                writable={writable}
                pending={props.pending.has(attribute.name)}
                selected={props.selection.has(attribute.name)}
                onSelect={props.onSelect}
                onToggle={props.onToggle}
                onLog={writable && attribute.ownedByApp ? props.onLog : undefined}
                row={rowValues(props.values, attribute.name)}
                existUrl={props.existUrl}
              />
            );
          })}
        </ul>
      )}
    </section>
  );
}
