/**
 * Why a whole file cannot be imported, in words a person can act on. Each bad file gets its own
 * message; nothing is planned or written from a file with an issue.
 */
import {
  count,
  MAX_COLUMNS,
  MAX_FILE_BYTES,
  MAX_IMPORT_ATTRIBUTES,
  MAX_IMPORT_VALUES,
  MAX_ROW_CHARS,
  MAX_ROWS,
  size,
} from "./limits";
import type { ImportPlan } from "./types";

export type FileIssueCode =
  | "empty"
  | "too_large"
  | "binary"
  | "utf16"
  | "not_utf8"
  | "too_many_rows"
  | "too_many_columns"
  | "row_too_long"
  | "unclosed_quote"
  | "no_data_rows"
  | "no_date_column"
  | "too_many_values"
  | "too_many_attributes";

export type FileIssue = { code: FileIssueCode; message: string };

const SAVE_AS_UTF8 = "Save it as UTF-8 (in Excel: CSV UTF-8) and choose it again.";

/** What a binary file most likely is, from its first bytes, and what to do instead. */
export type BinaryKind = "zip" | "xls" | "pdf" | "sqlite" | "image" | "gzip" | "other";

const BINARY_MESSAGES: Record<BinaryKind, string> = {
  zip:
    "This is an Excel workbook or a ZIP archive, not a CSV file. In a spreadsheet, save it as CSV " +
    "UTF-8; a Loop Habit Tracker export is a ZIP: open it and choose Checkmarks.csv.",
  xls: "This is an Excel workbook (.xls), not a CSV file. Save it as CSV UTF-8 and choose it again.",
  pdf: "This is a PDF, not a CSV file. Choose a CSV or TSV file.",
  sqlite:
    "This is a database file (such as Loop Habit Tracker's backup), not a CSV file. Export your " +
    "data as CSV and choose that file.",
  image: "This is an image, not a CSV file. Choose a CSV or TSV file.",
  gzip: "This file is compressed (gzip). Uncompress it and choose the CSV file inside.",
  other: "This is not a text file: it holds binary data. Choose a CSV or TSV file.",
};

const issue = (code: FileIssueCode, message: string): FileIssue => ({ code, message });

export const fileIssues = {
  empty: () => issue("empty", "The file is empty."),
  tooLarge: (bytes: number) =>
    issue(
      "too_large",
      // 20 MB and a few bytes still reads "20 MB": say "over" rather than "20 MB: at most 20 MB".
      `The file is ${size(bytes) === size(MAX_FILE_BYTES) ? "over " : ""}${size(bytes)}: at most ` +
        `${size(MAX_FILE_BYTES)} can be imported at once. ` +
        "Split it into smaller files.",
    ),
  binary: (kind: BinaryKind) => issue("binary", BINARY_MESSAGES[kind]),
  utf16: () => issue("utf16", `This file is saved as UTF-16 text. ${SAVE_AS_UTF8}`),
  notUtf8: (offset: number) =>
    issue(
      "not_utf8",
      `This file is not UTF-8 text (byte ${count(offset + 1)} is not valid UTF-8; the file may ` +
        `be in Windows-1252 or Latin-1). ${SAVE_AS_UTF8}`,
    ),
  tooManyRows: () =>
    issue(
      "too_many_rows",
      `The file has more than ${count(MAX_ROWS)} rows of data: at most ${count(MAX_ROWS)} can ` +
        "be imported at once. Split it into smaller files.",
    ),
  tooManyColumns: (row: number, columns: number) =>
    issue(
      "too_many_columns",
      `Row ${count(row)} has ${count(columns)} columns: a file may have at most ` +
        `${count(MAX_COLUMNS)}, a date column and one column per attribute.`,
    ),
  rowTooLong: (row: number, chars: number) =>
    issue(
      "row_too_long",
      `Row ${count(row)} is ${count(chars)} characters long: a row may be at most ` +
        `${count(MAX_ROW_CHARS)}. Is this a CSV file, with one row per line?`,
    ),
  unclosedQuote: (row: number) =>
    issue(
      "unclosed_quote",
      `Row ${count(row)} has a quote (") that is never closed, so the rest of the file would be ` +
        "read as one cell. Fix the quotes and choose the file again.",
    ),
  noDataRows: () => issue("no_data_rows", "The file has a header row but no rows of data."),
  noDateColumn: () =>
    issue(
      "no_date_column",
      "No column of this file holds dates. A file needs a column of dates (such as 2026-03-31 " +
        "or 31/03/2026) beside its values.",
    ),
  tooManyValues: (values: number) =>
    issue(
      "too_many_values",
      `This file gives ${count(values)} values: at most ${count(MAX_IMPORT_VALUES)} can be ` +
        "imported at once. Split it into files of fewer days, or set some columns to Ignore.",
    ),
  tooManyAttributes: (attributes: number) =>
    issue(
      "too_many_attributes",
      `This file goes to ${count(attributes)} attributes: at most ` +
        `${count(MAX_IMPORT_ATTRIBUTES)} can be imported at once. Set some to Ignore, or split ` +
        "the file.",
    ),
};

/** Why a plan is more than one import takes, or null: checked before anything is sent. */
export function planIssue(plan: Pick<ImportPlan, "attributes" | "valueCount">): FileIssue | null {
  if (plan.attributes.length > MAX_IMPORT_ATTRIBUTES) {
    return fileIssues.tooManyAttributes(plan.attributes.length);
  }
  if (plan.valueCount > MAX_IMPORT_VALUES) return fileIssues.tooManyValues(plan.valueCount);
  return null;
}
