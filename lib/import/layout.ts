/**
 * How a file lays out its values, from its headers and cells: Daylio's export, a long file
 * (date, attribute, value per row) or a wide one (a date column, a column per attribute, as
 * spreadsheets and Loop Habit Tracker write them), and which column holds the dates.
 */
import { daylioColumns, isDaylio } from "./daylio";
import { isLoopEntry } from "./loop";
import type { ParsedTable } from "./parse-text";
import { NAMED_DATE_SHARE, type ColumnProfile } from "./profile";
import type { Layout, Source } from "./types";

/** A header compared without case, spaces, underscores or punctuation: "Full_Date" is "fulldate". */
export function headerWord(header: string): string {
  return header
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

const DATE_WORDS = new Set(["date", "day", "fulldate", "datum", "fecha", "data", "jour", "giorno"]);
const KEY_WORDS = new Set([
  "attribute",
  "name",
  "metric",
  "type",
  "habit",
  "measure",
  "measurement",
  "field",
  "key",
  "variable",
  "item",
  "category",
]);
const VALUE_WORDS = new Set(["value", "amount", "count", "quantity", "total", "reading"]);

/** A long file's attribute column holds a few names, each on many rows. */
const MAX_KEYS = 200;

export type LayoutGuess = {
  source: Source;
  layout: Layout;
  /** null: no column holds dates. */
  dateColumn: number | null;
  keyColumn: number | null;
  valueColumn: number | null;
};

function dateColumnOf(table: ParsedTable, columns: readonly ColumnProfile[]): number | null {
  if (isDaylio(table.headers)) return daylioColumns(table.headers).full_date;
  const named = columns.find(
    (column) => DATE_WORDS.has(headerWord(column.header)) && column.dateShare >= NAMED_DATE_SHARE,
  );
  return (named ?? columns.find((column) => column.kind === "date"))?.index ?? null;
}

function distinctAtMost(rows: readonly string[][], index: number, max: number): number | null {
  const seen = new Set<string>();
  for (const row of rows) {
    const cell = (row[index] ?? "").trim();
    if (cell !== "") seen.add(cell);
    if (seen.size > max) return null;
  }
  return seen.size;
}

/** The attribute and value columns of a long file, by their headers or by their cells. */
function longColumns(
  table: ParsedTable,
  others: readonly ColumnProfile[],
): [key: number, value: number] | null {
  if (table.hasHeader) {
    const key = others.find((column) => KEY_WORDS.has(headerWord(column.header)));
    const value = others.find((column) => VALUE_WORDS.has(headerWord(column.header)));
    if (key && value) return [key.index, value.index];
  }
  const used = others.filter((column) => column.kind !== "empty");
  if (used.length !== 2) return null;
  const [key, value] = used[0]!.kind === "text" ? [used[0]!, used[1]!] : [used[1]!, used[0]!];
  if (key.kind !== "text" || value.kind === "text") return null;
  const distinct = distinctAtMost(table.rows, key.index, MAX_KEYS);
  return distinct !== null && key.filled >= 2 * distinct ? [key.index, value.index] : null;
}

function sourceOf(table: ParsedTable): Source {
  if (isDaylio(table.headers)) return "daylio";
  const firstRows = table.rows.slice(0, 200);
  return firstRows.some((row) => row.some(isLoopEntry)) ? "loop" : "spreadsheet";
}

/** A long file's columns of attribute names and of values, as the person chose them. */
export type LongColumns = { keyColumn: number; valueColumn: number };

/** Two different columns of the file, neither of them the dates. */
function fits(chosen: LongColumns, width: number, dateColumn: number): boolean {
  const { keyColumn, valueColumn } = chosen;
  const inside = (index: number) => Number.isInteger(index) && index >= 0 && index < width;
  return (
    inside(keyColumn) &&
    inside(valueColumn) &&
    keyColumn !== valueColumn &&
    keyColumn !== dateColumn &&
    valueColumn !== dateColumn
  );
}

/** The layout found, or a long one with `chosen` columns when they fit the file. */
export function detectLayout(
  table: ParsedTable,
  columns: readonly ColumnProfile[],
  chosen?: LongColumns,
): LayoutGuess {
  const source = sourceOf(table);
  const dateColumn = dateColumnOf(table, columns);
  const none = { keyColumn: null, valueColumn: null };
  if (source === "daylio") return { source, layout: "daylio", dateColumn, ...none };
  if (chosen && dateColumn !== null && fits(chosen, columns.length, dateColumn)) {
    return { source, layout: "long", dateColumn, ...chosen };
  }
  const others = columns.filter((column) => column.index !== dateColumn);
  const long = dateColumn === null || source === "loop" ? null : longColumns(table, others);
  if (!long) return { source, layout: "wide", dateColumn, ...none };
  return { source, layout: "long", dateColumn, keyColumn: long[0], valueColumn: long[1] };
}
