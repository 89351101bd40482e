import type { Attribute, Units } from "@/lib/api/contract";
import type { FileSummary } from "@/lib/import/summary";
import type { ImportMapping } from "@/lib/import/types";

/** What every part of the mapping form is given. */
export type MappingProps = {
  summary: FileSummary;
  mapping: ImportMapping;
  attributes: readonly Attribute[];
  units: Units;
  onChange: (mapping: ImportMapping) => void;
};
