"use client";

import { plural } from "@/lib/import/wording";
import type { MappingProps } from "./mapping-props";
import { LongColumnFields } from "./long-columns";
import { SlotRow } from "./slot-row";

/** A long file: its date, name and value columns, then one row per attribute name it holds. */
export function LongKeys(props: MappingProps) {
  const { summary, mapping } = props;
  if (mapping.layout !== "long") return null;
  return (
    <>
      <LongColumnFields {...props} />
      <ul className="mt-2 divide-y divide-slate-200 dark:divide-slate-800">
        {summary.keys.map((key, index) => (
          <SlotRow
            key={key.key}
            {...props}
            slot={{ kind: "key", key: key.key }}
            id={`import-key-${index}`}
            name={key.key}
            suffix=" rows"
            hint={plural(key.rows, "row")}
            newTagLabel={key.kind === "boolean" ? key.key : null}
          />
        ))}
      </ul>
    </>
  );
}
