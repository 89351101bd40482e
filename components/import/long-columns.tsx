"use client";

import type { MappingProps } from "./mapping-props";
import { mutedClass, selectClass } from "./styles";

const header = (props: MappingProps, index: number) =>
  props.summary.columns[index]?.header || `Column ${index + 1}`;

/**
 * A long file: the column of its dates, and the two columns of attribute names and of values,
 * which the person may change; the file is then read again with them, its names matched anew.
 */
export function LongColumnFields(props: MappingProps) {
  const { summary, mapping, onLongColumns } = props;
  if (mapping.layout !== "long") return null;
  const { keyColumn, valueColumn } = mapping;
  const choices = summary.columns.filter((column) => column.index !== mapping.dateColumn);
  // Choosing the other one's column swaps the two.
  const choose = (part: "key" | "value", index: number) => {
    const other = part === "key" ? valueColumn : keyColumn;
    const [key, value] =
      part === "key"
        ? [index, index === other ? keyColumn : valueColumn]
        : [index === other ? valueColumn : keyColumn, index];
    onLongColumns?.({ keyColumn: key, valueColumn: value });
  };
  const field = (part: "key" | "value", label: string, value: number) => (
    <label className="grid gap-1">
      <span className="text-sm font-medium">{label}</span>
      <select
        id={`import-long-${part}`}
        className={selectClass}
        value={String(value)}
        disabled={!onLongColumns}
        onChange={(event) => choose(part, Number(event.target.value))}
      >
        {choices.map((column) => (
          <option key={column.index} value={column.index}>
            {header(props, column.index)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <>
      <p className={mutedClass}>
        One value per row, its date in “{header(props, mapping.dateColumn)}”. Choose the columns
        that hold each row’s attribute and its value, then where each attribute goes.
      </p>
      <div className="mt-2 grid gap-3 sm:grid-cols-2">
        {field("key", "Column of attribute names", keyColumn)}
        {field("value", "Column of values", valueColumn)}
      </div>
    </>
  );
}
