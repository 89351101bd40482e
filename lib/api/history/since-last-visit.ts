/**
 * "Since your last visit" on the attributes page: owner changes made elsewhere that the user
 * has not dismissed. `undefined` when the database is unavailable.
 */
import "server-only";
import { APP_OWNER, type HistoryEntry } from "@/lib/api/contract";
import { dismissThrough, undismissedObserved } from "@/lib/api/history/entry-queries";
import { toHistoryEntry } from "@/lib/api/history/read-history";
import { withHistoryDb, writesDone } from "@/lib/api/history/store";

/** The latest 50, ones this app lost first, then newest first. */
export async function loadSinceLastVisit(username: string): Promise<HistoryEntry[] | undefined> {
  await writesDone(username);
  const rows = await withHistoryDb((db) => undismissedObserved(db, username, 50));
  if (!rows) return undefined;
  const lost = (entry: HistoryEntry) => (entry.ownerBefore === APP_OWNER ? 0 : 1);
  return rows.map(toHistoryEntry).sort((a, b) => lost(a) - lost(b) || b.id - a.id);
}

/** Hides entries up to `through` (they stay in the history); true once stored. */
export const dismissSinceLastVisit = (username: string, through: number) =>
  withHistoryDb(async (db) => {
    await dismissThrough(db, username, through);
    return true;
  });
