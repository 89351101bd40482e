/**
 * What the page is told about a parsed file: its columns and what they hold, its layout and
 * source, the date column's possible readings, a long file's keys, Daylio's moods and
 * activities, and a few rows to show. Small whatever the file's size: the rows stay in the
 * worker, which plans the import from them when the mapping is chosen.
 */
import { daylioActivities, daylioColumns } from "./daylio";
import type { DateFormat } from "./dates";
import { fileIssues, type FileIssue } from "./issues";
import { detectLayout, type LongColumns } from "./layout";
import type { Delimiter, ParsedTable } from "./parse-text";
import {
  detectDecimalComma,
  NAMED_DATE_SHARE,
  kindOf,
  profileColumn,
  type ColumnKind,
  type ColumnProfile,
} from "./profile";
import type { Layout, Source } from "./types";

export type KeyProfile = { key: string; rows: number; kind: ColumnKind };
export type FileSummary = {
  delimiter: Delimiter;
  hasHeader: boolean;
  /** Data rows. */
  rowCount: number;
  /** The file's row number of the first data row (2 after a header). */
  firstRow: number;
  columns: ColumnProfile[];
  /** The first rows of data, to show. */
  sample: string[][];
  source: Source;
  layout: Layout;
  dateColumn: number;
  /** Long files: the columns of attribute names and of values; otherwise null. */
  keyColumn: number | null;
  valueColumn: number | null;
  /** The date column's possible readings: ask the person when there are two, say so at none. */
  dateFormats: DateFormat[];
  decimalComma: boolean;
  /** Long files: each attribute name in the file, in order of appearance. */
  keys: KeyProfile[];
  /** Daylio: its moods and activities, in order of appearance. */
  daylio: { moods: LabelCount[]; activities: LabelCount[] } | null;
  /** Cells over all columns that a spreadsheet would run as formulas: read as text only. */
  formulaCells: number;
};

export type SummaryResult = { ok: true; summary: FileSummary } | { ok: false; issue: FileIssue };

export const SAMPLE_ROWS = 5;

export type LabelCount = { label: string; rows: number };

/** Appearances of each label, in order of first appearance. */
function tally(labels: Iterable<string>): LabelCount[] {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return [...counts].map(([label, rows]) => ({ label, rows }));
}

function* cellsOf(rows: readonly string[][], index: number): Generator<string> {
  for (const row of rows) {
    const cell = (row[index] ?? "").trim();
    if (cell !== "") yield cell;
  }
}

function daylioSummary(table: ParsedTable): FileSummary["daylio"] {
  const columns = daylioColumns(table.headers);
  const moods = tally(cellsOf(table.rows, columns.mood));
  const activities = tally(
    (function* () {
      for (const cell of cellsOf(table.rows, columns.activities)) yield* daylioActivities(cell);
    })(),
  );
  return { moods, activities };
}

function keyProfiles(table: ParsedTable, keyColumn: number, valueColumn: number): KeyProfile[] {
  const values = new Map<string, string[]>();
  for (const row of table.rows) {
    const key = (row[keyColumn] ?? "").trim();
    if (key === "") continue;
    const cells = values.get(key) ?? [];
    if (!values.has(key)) values.set(key, cells);
    const cell = (row[valueColumn] ?? "").trim();
    if (cell !== "") cells.push(cell);
  }
  return [...values].map(([key, cells]) => ({ key, rows: cells.length, kind: kindOf(cells) }));
}

/** The file's summary; with `chosen`, read as a long file with those columns. */
export function summarizeTable(table: ParsedTable, chosen?: LongColumns): SummaryResult {
  const columns = table.headers.map((header, index) => profileColumn(table.rows, index, header));
  const layout = detectLayout(table, columns, chosen);
  const { dateColumn, keyColumn, valueColumn } = layout;
  if (dateColumn === null || (columns[dateColumn]?.dateShare ?? 0) < NAMED_DATE_SHARE) {
    return { ok: false, issue: fileIssues.noDateColumn() };
  }
  const numeric = columns
    .filter((column) => column.kind === "number")
    .map((column) => column.index);
  const long = keyColumn !== null && valueColumn !== null;
  const summary: FileSummary = {
    delimiter: table.delimiter,
    hasHeader: table.hasHeader,
    rowCount: table.rows.length,
    firstRow: table.firstRow,
    columns,
    sample: table.rows.slice(0, SAMPLE_ROWS),
    source: layout.source,
    layout: layout.layout,
    dateColumn,
    keyColumn,
    valueColumn,
    dateFormats: columns[dateColumn]?.dateFormats ?? [],
    decimalComma: detectDecimalComma(table.rows, table.delimiter, long ? [valueColumn] : numeric),
    keys: long ? keyProfiles(table, keyColumn, valueColumn) : [],
    daylio: layout.layout === "daylio" ? daylioSummary(table) : null,
    formulaCells: columns.reduce((total, column) => total + column.formulaCells, 0),
  };
  return { ok: true, summary };
}
