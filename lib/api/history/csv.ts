/**
 * CSV of history entries (RFC 4180). Cells that a spreadsheet would run as a formula (starting
 * with = + - @, a tab or a carriage return) get a leading apostrophe: OWASP's CSV injection advice.
 */
export const CSV_COLUMNS = [
  "when",
  "kind",
  "attribute",
  "label",
  "action",
  "owner_before",
  "owner_after",
  "outcome",
  "error_code",
  "request_id",
  "seen_since",
] as const;

export type CsvRow = Record<(typeof CSV_COLUMNS)[number], string | null>;

export function csvCell(value: string | null): string {
  const text = value ?? "";
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

export function csvLine(row: CsvRow): string {
  return `${CSV_COLUMNS.map((column) => csvCell(row[column])).join(",")}\r\n`;
}

export const CSV_HEADER = `${CSV_COLUMNS.join(",")}\r\n`;
