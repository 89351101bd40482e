/**
 * The user's history as CSV (RFC 4180). Cells that a spreadsheet would run as a formula (starting
 * with = + - @, a tab or a carriage return) get a leading apostrophe: OWASP's CSV injection advice.
 */
import "server-only";
import type { HistoryEntry } from "@/lib/api/contract";
import { allEntries } from "@/lib/api/history/read-history";

export const CSV_COLUMNS = [
  "when",
  "kind",
  "attribute",
  "label",
  "action",
  "day",
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

export function csvRow(entry: HistoryEntry): CsvRow {
  return {
    when: entry.createdAt,
    kind: entry.kind,
    attribute: entry.attribute,
    label: entry.label,
    action: entry.action,
    day: entry.day,
    owner_before: entry.ownerBefore,
    owner_after: entry.ownerAfter,
    outcome: entry.outcome,
    error_code: entry.errorCode,
    request_id: entry.requestId,
    seen_since: entry.seenSince,
  };
}

const toLine = (entry: HistoryEntry) => csvLine(csvRow(entry));

/** The whole history, newest first, streamed in batches so a long one needs little memory. */
export function historyCsv(username: string): ReadableStream<Uint8Array> {
  const batches = allEntries(username);
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(CSV_HEADER));
    },
    async pull(controller) {
      try {
        const next = await batches.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value.map(toLine).join("")));
      } catch (error) {
        controller.error(error);
      }
    },
  });
}
