/**
 * The history as the /history page, its route handlers and the attributes page read it.
 * Each function answers `undefined` when the database is unavailable.
 */
import "server-only";
import { ownersMemo } from "@/lib/api/history/owners-memo";
import { withHistoryDb, writesDone } from "@/lib/api/history/store";
import {
  deleteUser,
  dismissThrough,
  historyAttributes,
  listEntries,
  undismissedObserved,
  type HistoryRow as HistoryEntry,
  type HistoryFilter,
} from "@/lib/api/history/entry-queries";
import { APP_OWNER } from "@/lib/api/history/record-change";

export type { HistoryEntry, HistoryFilter };
export const HISTORY_PAGE_SIZE = 50;

export type HistoryPage = {
  entries: HistoryEntry[];
  /** The `before` of the next (older) page, when there is one. */
  olderBefore: number | undefined;
  attributes: Array<{ attribute: string; label: string }>;
};

export async function loadHistoryPage(
  username: string,
  filter: HistoryFilter,
  before: number | undefined,
): Promise<HistoryPage | undefined> {
  await writesDone(username);
  return withHistoryDb(async (db) => {
    const [rows, attributes] = await Promise.all([
      listEntries(db, username, filter, HISTORY_PAGE_SIZE + 1, before),
      historyAttributes(db, username),
    ]);
    const entries = rows.slice(0, HISTORY_PAGE_SIZE);
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
    if (rows.length > 0) yield rows;
    if (rows.length < batch) return;
    before = rows.at(-1)?.id;
  }
}

export async function deleteHistory(username: string) {
  await writesDone(username);
  const deleted = await withHistoryDb((db) => deleteUser(db, username));
  // The next list load starts the user's history again from Exist's owners.
  ownersMemo.noteWrite(username);
  return deleted;
}

/** Owner changes made elsewhere that the user has not dismissed: ones this app lost first. */
export async function loadSinceLastVisit(username: string) {
  await writesDone(username);
  const entries = await withHistoryDb((db) => undismissedObserved(db, username, 50));
  if (!entries) return undefined;
  const lost = (entry: HistoryEntry) => (entry.ownerBefore === APP_OWNER ? 0 : 1);
  return [...entries].sort((a, b) => lost(a) - lost(b) || b.id - a.id);
}

/** True once stored; undefined when the database is unavailable. */
export const dismissSinceLastVisit = (username: string, through: number) =>
  withHistoryDb(async (db) => {
    await dismissThrough(db, username, through);
    return true;
  });
