/**
 * GET /api/imports/<id>/report.csv: every value of the import with its fate (written, refused
 * with Exist's reason, unchanged, skipped), the undo's, and the invalid cells the page sent.
 * Never a value: the attribute, the day and the file's row say which one.
 */
import "server-only";
import type { ImportInvalid } from "@/lib/api/contract";
import { csvCell } from "@/lib/api/history/csv";
import { allValues, findImport } from "@/lib/api/imports/queries";
import { importsDb } from "@/lib/api/imports/store";
import { ApiError } from "@/lib/api/errors";

const COLUMNS = ["part", "row", "attribute", "date", "outcome", "error_code", "error"];

const line = (cells: ReadonlyArray<string | number | null>) =>
  `${cells.map((cell) => csvCell(cell === null ? null : String(cell))).join(",")}\r\n`;

export async function importReportCsv(username: string, id: string): Promise<string> {
  const db = await importsDb();
  const row = await findImport(db, username, id);
  if (!row) throw new ApiError("not_found", "There is no such import.");
  const parts = [line(COLUMNS)];
  for (const value of await allValues(db, id)) {
    parts.push(
      line([
        value.phase,
        value.row,
        value.attribute || value.tagLabel,
        value.day,
        value.state,
        value.errorCode,
        value.error,
      ]),
    );
  }
  for (const cell of row.invalid as ImportInvalid[]) {
    parts.push(
      line([
        "invalid",
        cell.row,
        cell.column,
        null,
        "invalid",
        null,
        `${cell.reason}: ${cell.cell}`,
      ]),
    );
  }
  return parts.join("");
}
