import type { AttributeValues, Units } from "@/lib/api/contract";

/** What every row needs to show values: the user's today and units, and the window's length. */
export type ValuesView = { today: string; units: Units; windowDays: number };

/** Every attribute's values with the view to read them in; null while values are loading. */
export type ListValues = { view: ValuesView; byName: Record<string, AttributeValues> } | null;

/** Values of one attribute with the view to read them in; null while values are loading. */
export type RowValues = { view: ValuesView; values: AttributeValues | undefined } | null;
