import type { Attribute, Units } from "@/lib/api/contract";
import type { LongColumns } from "@/lib/import/layout";
import type { FileSummary } from "@/lib/import/summary";
import type { ImportMapping } from "@/lib/import/types";

/** What every part of the mapping form is given. */
export type MappingProps = {
  summary: FileSummary;
  mapping: ImportMapping;
  attributes: readonly Attribute[];
  units: Units;
  onChange: (mapping: ImportMapping) => void;
  /** A long file: other columns hold the attribute names and the values (the file is read again). */
  onLongColumns?: (columns: LongColumns) => void;
};
