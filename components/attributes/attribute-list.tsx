"use client";

import { startTransition, useEffect, useMemo, useState } from "react";
import type { AttributesResponse } from "@/lib/api/contract";
import { FIRST_ROWS, firstRows, groupByExistGroup } from "@/lib/attributes/grouping";
import type { Attribute } from "@/lib/attributes/types";
import { usePendingNames } from "@/lib/query/use-ownership";
import { AttributeGroupSection } from "./attribute-group";
import { NoAttributes } from "./page-states";
import type { ListValues } from "./row-values";
import { useListMarks } from "./use-performance-marks";

type AttributeListProps = {
  data: AttributesResponse;
  /** The attributes the filters let through, in list order. */
  shown: readonly Attribute[];
  values: ListValues;
  selected: ReadonlySet<string>;
  onSelect: (name: string, selected: boolean) => void;
  onToggle: (attribute: Attribute) => void;
  onLog: (attribute: Attribute) => void;
};

/**
 * The attributes shown, by Exist group. A long list renders its first rows at once and the rest
 * in a transition right after, so the first ones appear (and answer) sooner.
 */
export function AttributeList({
  data,
  shown,
  values,
  selected,
  onSelect,
  onToggle,
  onLog,
}: AttributeListProps) {
  const pending = usePendingNames();
  const [rowLimit, setRowLimit] = useState(FIRST_ROWS);
  useEffect(() => startTransition(() => setRowLimit(Infinity)), []);
  const groups = useMemo(() => firstRows(groupByExistGroup(shown), rowLimit), [shown, rowLimit]);
  useListMarks(rowLimit === Infinity);

  if (data.attributes.length === 0) return <NoAttributes />;
  if (shown.length === 0) return <p className="mt-6">No attributes match these filters.</p>;
  return groups.map((entry) => (
    <AttributeGroupSection
      key={entry.group.name}
      entry={entry}
      access={data}
      pending={pending}
      selection={selected}
      onSelect={onSelect}
      onToggle={onToggle}
      onLog={onLog}
      values={values}
      existUrl={data.existAttributesUrl}
    />
  ));
}
