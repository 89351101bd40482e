/**
 * The history as the /history page, GET /api/history and the CSV read it: entries in the
 * contract's shape (dates as ISO strings). `undefined` when the database is unavailable.
 */
import "server-only";
import type { HistoryEntry, HistoryResponse } from "@/lib/api/contract";
import {
  historyAttributes,
  listEntries,
  type HistoryFilter,
  type HistoryRow,
} from "@/lib/api/history/entry-queries";
import { withHistoryDb, writesDone } from "@/lib/api/history/store";

export type { HistoryFilter };
export const HISTORY_PAGE_SIZE = 50;

/** A stored row as our API answers it: no username, no settling time, ISO dates. */
export function toHistoryEntry(row: HistoryRow): HistoryEntry {
  return {
    id: row.id,
    kind: row.kind,
    attribute: row.attribute,
    label: row.label,
    action: row.action,
    day: row.day,
    ownerBefore: row.ownerBefore,
    ownerAfter: row.ownerAfter,
    outcome: row.outcome,
    errorCode: row.errorCode,
    requestId: row.requestId,
    seenSince: row.seenSince?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function loadHistoryPage(
  username: string,
  filter: HistoryFilter,
  before: number | undefined,
): Promise<HistoryResponse | undefined> {
  await writesDone(username);
  return withHistoryDb(async (db) => {
    const [rows, attributes] = await Promise.all([
      listEntries(db, username, filter, HISTORY_PAGE_SIZE + 1, before),
      historyAttributes(db, username),
    ]);
    const entries = rows.slice(0, HISTORY_PAGE_SIZE).map(toHistoryEntry);
    const more = rows.length > HISTORY_PAGE_SIZE;
    return { entries, olderBefore: more ? entries.at(-1)?.id : undefined, attributes };
  });
}

/** Every entry of the user, newest first, in batches (for the streamed CSV). */
export async function* allEntries(username: string, batch = 500): AsyncGenerator<HistoryEntry[]> {
  let before: number | undefined;
  await writesDone(username);
  for (;;) {
    const rows = await withHistoryDb((db) => listEntries(db, username, {}, batch, before));
    if (rows === undefined) throw new Error("history unavailable");
    if (rows.length > 0) yield rows.map(toHistoryEntry);
    if (rows.length < batch) return;
    before = rows.at(-1)?.id;
  }
}
