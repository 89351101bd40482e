"use client";

import type { Mapped } from "@/lib/import/types";
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
