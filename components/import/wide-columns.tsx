"use client";

import type { MappingProps } from "./mapping-props";
import { SlotRow } from "./slot-row";

const samplesText = (samples: readonly string[]) =>
  samples.length ? `e.g. ${samples.join(", ")}` : "Empty";

/** A wide file: one row per column, the date column first. */
export function WideColumns(props: MappingProps) {
  const { summary } = props;
  const columns = [...summary.columns].sort(
    (a, b) =>
      Number(b.index === props.mapping.dateColumn) - Number(a.index === props.mapping.dateColumn),
  );
  return (
    <ul className="divide-y divide-slate-200 dark:divide-slate-800">
      {columns.map((column) => (
        <SlotRow
          key={column.index}
          {...props}
          slot={{ kind: "column", index: column.index }}
          id={`import-column-${column.index}`}
          name={column.header}
          suffix=" column"
          hint={samplesText(column.samples)}
          newTagLabel={column.kind === "boolean" && summary.hasHeader ? column.header.trim() : null}
        />
      ))}
    </ul>
  );
}
