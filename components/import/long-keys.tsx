"use client";

import { plural } from "@/lib/import/wording";
import type { MappingProps } from "./mapping-props";
import { SlotRow } from "./slot-row";
import { mutedClass } from "./styles";

/** A long file: its date, name and value columns, then one row per attribute name it holds. */
export function LongKeys(props: MappingProps) {
  const { summary, mapping } = props;
  if (mapping.layout !== "long") return null;
  const header = (index: number) => summary.columns[index]?.header ?? `Column ${index + 1}`;
  return (
    <>
      <p className={mutedClass}>
        One value per row: the date in “{header(mapping.dateColumn)}”, the attribute in “
        {header(mapping.keyColumn)}” and its value in “{header(mapping.valueColumn)}”. Choose where
        each name goes.
      </p>
      <ul className="divide-y divide-slate-200 dark:divide-slate-800">
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
