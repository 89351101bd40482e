/**
 * What an import file may be. Every limit is checked before or while the file is read, and each
 * has its own message, so a file that cannot be imported is refused with the reason and nothing
 * is planned from it. The numbers leave room for decades of daily history (a wide file of 20
 * years is 7,300 rows) while keeping a file's cells in a browser tab's memory.
 */

/** 20 MB: a long file of 500,000 rows of `date,attribute,value` fits in it. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** Data rows (the header row not counted). */
export const MAX_ROWS = 500_000;

/** Columns of any row: a date column and far more attributes than a person tracks. */
export const MAX_COLUMNS = 200;

/**
 * Characters of one row, its cells together: a Daylio note or a spreadsheet's text runs to a few
 * thousand; a longer line is not a table (a file without line breaks, a runaway quote).
 */
export const MAX_ROW_CHARS = 65_536;

/**
 * Values of one import, all attributes together: a long file of 500,000 rows, or a wide one of
 * 10 attributes over 130 years. The server takes no more (lib/validations/imports.ts).
 */
export const MAX_IMPORT_VALUES = 500_000;

/** Attributes of one import: a wide file's 200 columns; a long file or Daylio's may name more. */
export const MAX_IMPORT_ATTRIBUTES = 200;

/** Invalid cells kept with their row and reason; beyond it they are counted only. */
export const MAX_INVALID_DETAILS = 100_000;

const numberFormat = new Intl.NumberFormat("en-GB");

/** 10,000 */
export function count(value: number): string {
  return numberFormat.format(value);
}

/** 20 MB, 5.2 MB, 340 KB: sizes as file pickers show them (1 MB = 1,048,576 bytes). */
export function size(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${roundSize(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${roundSize(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

function roundSize(value: number): string {
  return value >= 10 ? String(Math.round(value)) : String(Math.round(value * 10) / 10);
}
