/**
 * The invalid cells as a CSV file to download. Its cells come from the person's file, and a
 * spreadsheet opening the download would run one that starts with = + - @ (or a tab or carriage
 * return) as a formula: such a cell gets a leading quote, as OWASP's advice on CSV injection says
 * (https://owasp.org/www-community/attacks/CSV_Injection).
 */
import type { InvalidCell } from "./types";

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell of the download: defused, then quoted when it holds a comma, quote or line break. */
export function csvCell(value: string | number): string {
  const text = String(value);
  const safe = typeof value === "string" && FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function invalidCsv(cells: readonly InvalidCell[]): string {
  const lines = [["Row", "Column", "Cell", "Reason"].join(",")];
  for (const { row, column, cell, reason } of cells) {
    lines.push([row, column, cell, reason].map(csvCell).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}
