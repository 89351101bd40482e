"use client";

import type { Mapped } from "@/lib/import/types";
import { cn } from "@/components/ui/cn";
import { DATE, mappedOf } from "./targets";
import { mappedAt, setDateColumn, setMapped, type SlotRef } from "./mapping-edit";
import type { MappingProps } from "./mapping-props";
import { TargetRow } from "./target-row";

type SlotRowProps = MappingProps & {
  slot: SlotRef;
  id: string;
  name: string;
  suffix: string;
  hint?: string;
  newTagLabel?: string | null;
  ruleNote?: string;
};

/** A TargetRow wired to one place of the mapping. */
export function SlotRow(props: SlotRowProps) {
  const { mapping, slot, attributes, onChange } = props;
  const isDate = slot.kind === "column" && mapping.dateColumn === slot.index;
  const place = (mapped: Mapped | null) => onChange(setMapped(mapping, slot, mapped, attributes));
  return (
    <TargetRow
      id={props.id}
      name={props.name}
      suffix={props.suffix}
      hint={props.hint}
      mapped={isDate ? null : mappedAt(mapping, slot)}
      isDate={isDate}
      offerDate={slot.kind === "column"}
      newTagLabel={props.newTagLabel}
      ruleNote={props.ruleNote}
      mapping={mapping}
      attributes={attributes}
      units={props.units}
      onChange={onChange}
      onMapped={place}
      onChoice={(choice) => {
        if (choice === DATE && slot.kind === "column") onChange(setDateColumn(mapping, slot.index));
        else place(mappedOf(choice));
      }}
    />
  );
}

/** One of the names a file holds: a long file's attribute name, or a Daylio activity. */
export type NamedSlot = { name: string; hint: string; newTagLabel: string | null };

type NamedSlotRowsProps = MappingProps & {
  kind: "key" | "activity";
  slots: readonly NamedSlot[];
  suffix: string;
  className?: string;
};

/** A list of SlotRows, one per name the file holds, each mapped by that name. */
export function NamedSlotRows({ kind, slots, suffix, className, ...props }: NamedSlotRowsProps) {
  return (
    <ul className={cn("divide-y divide-slate-200 dark:divide-slate-800", className)}>
      {slots.map((named, index) => (
        <SlotRow
          key={named.name}
          {...props}
          slot={{ kind, key: named.name }}
          id={`import-${kind}-${index}`}
          name={named.name}
          suffix={suffix}
          hint={named.hint}
          newTagLabel={named.newTagLabel}
        />
      ))}
    </ul>
  );
}
