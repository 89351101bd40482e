"use client";

import { plural } from "@/lib/import/wording";
import type { MappingProps } from "./mapping-props";
import { LongColumnFields } from "./long-columns";
import { NamedSlotRows } from "./slot-row";

/** A long file: its date, name and value columns, then one row per attribute name it holds. */
export function LongKeys(props: MappingProps) {
  const { summary, mapping } = props;
  if (mapping.layout !== "long") return null;
  return (
    <>
      <LongColumnFields {...props} />
      <NamedSlotRows
        {...props}
        kind="key"
        suffix=" rows"
        className="mt-2"
        slots={summary.keys.map((key) => ({
          name: key.key,
          hint: plural(key.rows, "row"),
          newTagLabel: key.kind === "boolean" ? key.key : null,
        }))}
      />
    </>
  );
}
