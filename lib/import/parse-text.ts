/**
 * A file's text as a table, with Papa Parse (https://www.papaparse.com/docs): the delimiter
 * (comma, semicolon or tab) and the header row detected, the limits enforced while it reads, and
 * progress reported chunk by chunk. Plain and synchronous: the import worker runs it, so a large
 * file never holds up the page, and tests run it directly.
 */
import Papa from "papaparse";
import { looksLikeDate } from "./dates";
import { fileIssues, type FileIssue } from "./issues";
import { MAX_COLUMNS, MAX_ROW_CHARS, MAX_ROWS } from "./limits";

export const DELIMITERS = [",", ";", "\t"] as const;

export type Delimiter = (typeof DELIMITERS)[number];

export type ParsedTable = {
  delimiter: Delimiter;
  /** The first row names the columns; without one, they are "Column 1", "Column 2" ... */
  hasHeader: boolean;
  headers: string[];
  /** Data rows, cells as written (untrimmed); a row may have fewer cells than `headers`. */
  rows: string[][];
  /** The file's row number of `rows[0]`, as a spreadsheet numbers it: 2 after a header. */
  firstRow: number;
};

export type ParseProgress = { rows: number; fraction: number };

export type ParseOptions = {
  /** Called after each chunk of about CHUNK_CHARS characters. */
  onProgress?: (progress: ParseProgress) => void;
};

export type ParseResult = { ok: true; table: ParsedTable } | { ok: false; issue: FileIssue };

/** Characters read between progress reports: about 1 MB, some 20,000 rows of 10 columns. */
export const CHUNK_CHARS = 1024 * 1024;

function rowChars(row: string[]): number {
  let chars = 0;
  for (const cell of row) chars += cell.length;
  return chars + row.length - 1;
}

const isEmptyRow = (row: string[]) => row.every((cell) => cell.trim() === "");

/** The row's issue, if any; `number` counts from 1, header included. */
function rowIssue(row: string[], number: number): FileIssue | null {
  if (row.length > MAX_COLUMNS) return fileIssues.tooManyColumns(number, row.length);
  const chars = rowChars(row);
  return chars > MAX_ROW_CHARS ? fileIssues.rowTooLong(number, chars) : null;
}

type Reading = { rows: string[][]; filled: number; issue: FileIssue | null };

/** Characters the delimiter is guessed from: Papa Parse looks at the first 10 rows. */
const GUESS_CHARS = 64 * 1024;

/**
 * Papa Parse's own guess, with blank lines left out of it: a trailing newline would otherwise
 * count as a row of one field and make a small two-column file look like one of one column.
 */
function guessDelimiter(text: string): Delimiter {
  const { meta } = Papa.parse<string[]>(text.slice(0, GUESS_CHARS), {
    delimitersToGuess: [...DELIMITERS],
    preview: 10,
    skipEmptyLines: "greedy",
  });
  const found = DELIMITERS.find((delimiter) => delimiter === meta.delimiter);
  return found ?? ",";
}

function read(text: string, delimiter: Delimiter, options: ParseOptions): Reading {
  const reading: Reading = { rows: [], filled: 0, issue: null };
  Papa.parse<string[]>(text, {
    delimiter,
    // Papa Parse cuts a string into chunks too (its types say files only); it reads them all
    // before it returns, and `complete` is then called with nothing left to give.
    chunkSize: CHUNK_CHARS,
    complete: () => undefined,
    chunk: (results: Papa.ParseResult<string[]>, parser: Papa.Parser) => {
      const quote = results.errors.find((error) => error.type === "Quotes");
      const quoteRow = reading.rows.length + (quote?.row ?? 0) + 1;
      if (quote) reading.issue = fileIssues.unclosedQuote(quoteRow);
      for (const row of results.data) {
        reading.issue ??= rowIssue(row, reading.rows.length + 1);
        if (reading.issue) break;
        reading.rows.push(row);
        if (!isEmptyRow(row)) reading.filled++;
      }
      // The header, if there is one, is not a data row; blank lines are not rows of data.
      if (!reading.issue && reading.filled > MAX_ROWS + 1) reading.issue = fileIssues.tooManyRows();
      if (reading.issue) return parser.abort();
      const fraction = results.meta.cursor / text.length;
      options.onProgress?.({ rows: reading.rows.length, fraction });
    },
  });
  return reading;
}

/** A first row with a date in it is data: a header names columns, it holds no dates. */
function detectHeader(rows: string[][]): boolean {
  const first = rows[0] ?? [];
  return !first.some(looksLikeDate);
}

/** Columns counted up to the last one that has a header or a cell (Loop ends rows with `,`). */
function columnCount(header: string[], rows: string[][]): number {
  let count = 0;
  for (const row of [header, ...rows]) {
    for (let index = row.length - 1; index >= count; index--) {
      if ((row[index] ?? "").trim() !== "") {
        count = index + 1;
        break;
      }
    }
  }
  return count;
}

function headerNames(first: string[], columns: number, hasHeader: boolean): string[] {
  return Array.from({ length: columns }, (_, index) => {
    const name = hasHeader ? (first[index] ?? "").trim() : "";
    return name || `Column ${index + 1}`;
  });
}

/** The table in `text` (a leading byte order mark dropped), or why it cannot be imported. */
export function parseText(text: string, options: ParseOptions = {}): ParseResult {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  if (body.trim() === "") return { ok: false, issue: fileIssues.empty() };
  const delimiter = guessDelimiter(body);
  const reading = read(body, delimiter, options);
  if (reading.issue) return { ok: false, issue: reading.issue };
  const all = reading.rows;
  while (all.length > 0 && isEmptyRow(all[all.length - 1] as string[])) all.pop();
  const hasHeader = detectHeader(all);
  const rows = hasHeader ? all.slice(1) : all;
  const filled = reading.filled - (hasHeader ? 1 : 0);
  if (filled > MAX_ROWS) return { ok: false, issue: fileIssues.tooManyRows() };
  if (filled === 0) return { ok: false, issue: fileIssues.noDataRows() };
  const first = hasHeader ? (all[0] as string[]) : [];
  const columns = columnCount(first, rows);
  return {
    ok: true,
    table: {
      delimiter,
      hasHeader,
      headers: headerNames(first, columns, hasHeader),
      rows,
      firstRow: hasHeader ? 2 : 1,
    },
  };
}

/** The file's row number (a spreadsheet's, header included) of `table.rows[index]`. */
export function rowNumber(table: ParsedTable, index: number): number {
  return table.firstRow + index;
}
