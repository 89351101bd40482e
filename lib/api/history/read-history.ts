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
import { listFlights } from "@/lib/api/history/change-queries";
import { withHistoryDb, writesDone } from "@/lib/api/history/store";
import type { Db } from "@/lib/db/database";

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

/**
 * The items of the user's requests still waiting for Exist's answer, as unknown entries, newest
 * first: the history shows a change while it is under way, and after a crash until a list load
 * records it.
 */
async function flightEntries(db: Db, username: string, filter: HistoryFilter) {
  const items = await listFlights(db, username);
  return items
    .filter(
      (item) =>
        (!filter.attribute || item.attribute === filter.attribute) &&
        (!filter.kind || item.kind === filter.kind),
    )
    .map((item): HistoryEntry => ({
      id: -(item.flight * FLIGHT_ITEMS + item.position + 1),
      kind: item.kind,
      attribute: item.attribute,
      label: item.label ?? item.attribute,
      action: item.action,
      day: item.day,
      ownerBefore: null,
      ownerAfter: null,
      outcome: "unknown",
      errorCode: null,
      requestId: item.requestId,
      seenSince: null,
      createdAt: item.createdAt.toISOString(),
    }));
}
/** Room for a request's items in a flight's negative ids (a bulk change sends at most 100). */
const FLIGHT_ITEMS = 10_000;

export async function loadHistoryPage(
  username: string,
  filter: HistoryFilter,
  before: number | undefined,
): Promise<HistoryResponse | undefined> {
  await writesDone(username);
  return withHistoryDb(async (db) => {
    const [rows, attributes, flying] = await Promise.all([
      listEntries(db, username, filter, HISTORY_PAGE_SIZE + 1, before),
      historyAttributes(db, username),
      before === undefined ? flightEntries(db, username, filter) : [],
    ]);
    const entries = rows.slice(0, HISTORY_PAGE_SIZE).map(toHistoryEntry);
    const more = rows.length > HISTORY_PAGE_SIZE;
    const olderBefore = more ? entries.at(-1)?.id : undefined;
    return { entries: [...flying, ...entries], olderBefore, attributes };
  });
}

/** Every entry of the user, newest first, in batches (for the streamed CSV). */
export async function* allEntries(username: string, batch = 500): AsyncGenerator<HistoryEntry[]> {
  let before: number | undefined;
  await writesDone(username);
  const flying = await withHistoryDb((db) => flightEntries(db, username, {}));
  if (flying === undefined) throw new Error("history unavailable");
  if (flying.length > 0) yield flying;
  for (;;) {
    const rows = await withHistoryDb((db) => listEntries(db, username, {}, batch, before));
    if (rows === undefined) throw new Error("history unavailable");
    if (rows.length > 0) yield rows.map(toHistoryEntry);
    if (rows.length < batch) return;
    before = rows.at(-1)?.id;
  }
}
