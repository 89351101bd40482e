/**
 * What a column (or a long file's key) holds, from its cells: dates, numbers, yes/no, text.
 * Enough for the page to suggest a mapping and to say what it found; the values themselves are
 * read later, cell by cell, against the attribute chosen.
 */
import { looksLikeFormula, normalizeNumberText } from "./cells";
import { looksLikeDate, possibleDateFormats, type DateFormat } from "./dates";
import { isLoopEntry } from "./loop";

export type ColumnKind = "date" | "number" | "boolean" | "text" | "empty";

export type ColumnProfile = {
  index: number;
  header: string;
  kind: ColumnKind;
  /** Non-empty cells. */
  filled: number;
  /** Share of the sampled cells written as dates (0 to 1). */
  dateShare: number;
  /** The possible readings of its dates (possibleDateFormats); [] when few cells are dates. */
  dateFormats: DateFormat[];
  /** Up to 3 distinct cells, to show beside the column's select. */
  samples: string[];
  /** Cells that a spreadsheet would run as formulas: they are read as text only. */
  formulaCells: number;
};

/** Cells looked at to tell a column's kind: enough to be sure, few enough to be quick. */
const SAMPLE = 2000;

/** A column is of a kind when this share of its sampled cells are. */
const SHARE = 0.8;

/** A column named for dates holds them when this share of its cells are (the rest reported). */
export const NAMED_DATE_SHARE = 0.5;

const BOOLEAN_WORDS = new Set(["0", "1", "yes", "no", "y", "n", "true", "false", "x"]);
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)%?$/;

function isNumberCell(cell: string): boolean {
  return (
    NUMBER.test(normalizeNumberText(cell, true)) || NUMBER.test(normalizeNumberText(cell, false))
  );
}

/** The kind most of these non-empty cells share. */
export function kindOf(cells: readonly string[]): ColumnKind {
  if (cells.length === 0) return "empty";
  const share = (test: (cell: string) => boolean) =>
    cells.filter(test).length / cells.length >= SHARE;
  if (cells.every((cell) => BOOLEAN_WORDS.has(cell.toLowerCase()) || isLoopEntry(cell))) {
    return "boolean";
  }
  if (share(looksLikeDate)) return "date";
  if (share(isNumberCell)) return "number";
  return "text";
}

/** Reads column `index` of every row once: counts, samples, and the cells to classify. */
function scan(rows: readonly string[][], index: number) {
  const sample: string[] = [];
  const distinct = new Set<string>();
  let filled = 0;
  let formulaCells = 0;
  for (const row of rows) {
    const cell = (row[index] ?? "").trim();
    if (cell === "") continue;
    filled++;
    if (sample.length < SAMPLE) sample.push(cell);
    if (distinct.size < 3) distinct.add(cell);
    if (looksLikeFormula(cell)) formulaCells++;
  }
  return { sample, samples: [...distinct], filled, formulaCells };
}

export function profileColumn(
  rows: readonly string[][],
  index: number,
  header: string,
): ColumnProfile {
  const { sample, samples, filled, formulaCells } = scan(rows, index);
  const kind = kindOf(sample);
  const dateShare = sample.length ? sample.filter(looksLikeDate).length / sample.length : 0;
  const dateFormats =
    dateShare >= NAMED_DATE_SHARE ? possibleDateFormats(rows.map((row) => row[index] ?? "")) : [];
  return { index, header, kind, filled, dateShare, dateFormats, samples, formulaCells };
}

const COMMA_DECIMAL = /^[+-]?\d+,\d+$/;
const POINT_DECIMAL = /^[+-]?\d+\.\d+$/;

/**
 * Whether the file writes decimals with a comma (72,5): only where cells are not separated by
 * commas, and when such numbers outnumber those with a point.
 */
export function detectDecimalComma(
  rows: readonly string[][],
  delimiter: string,
  columns: readonly number[],
): boolean {
  if (delimiter === ",") return false;
  let comma = 0;
  let point = 0;
  for (const row of rows.slice(0, SAMPLE)) {
    for (const index of columns) {
      const cell = (row[index] ?? "").trim();
      if (COMMA_DECIMAL.test(cell)) comma++;
      else if (POINT_DECIMAL.test(cell)) point++;
    }
  }
  return comma > point;
}
