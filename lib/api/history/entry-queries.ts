/**
 * The statements that read and delete a user's history entries. Plain data in and out: rows as
 * stored (dates as Date); read-history.ts shapes them into the contract's entries.
 */
import "server-only";
import { and, desc, eq, gt, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/database";
import { historyEntries, historyInFlight, lastSeenOwners, userStates } from "@/lib/db/schema";

export type HistoryRow = typeof historyEntries.$inferSelect;

export type HistoryFilter = { attribute?: string; kind?: HistoryRow["kind"] };

function filterWhere(username: string, filter: HistoryFilter, before?: number): SQL | undefined {
  return and(
    eq(historyEntries.username, username),
    filter.attribute ? eq(historyEntries.attribute, filter.attribute) : undefined,
    filter.kind ? eq(historyEntries.kind, filter.kind) : undefined,
    before ? lt(historyEntries.id, before) : undefined,
  );
}

/** Newest first, `limit` entries older than `before` (an id; keyset paging stays fast). */
export function listEntries(
  db: Db,
  username: string,
  filter: HistoryFilter,
  limit: number,
  before?: number,
): Promise<HistoryRow[]> {
  return db
    .select()
    .from(historyEntries)
    .where(filterWhere(username, filter, before))
    .orderBy(desc(historyEntries.id))
    .limit(limit);
}

/** The attributes a user's history mentions, for the filter. */
export async function historyAttributes(db: Db, username: string) {
  return db
    .select({
      attribute: historyEntries.attribute,
      label: sql<string>`max(${historyEntries.label})`,
    })
    .from(historyEntries)
    .where(eq(historyEntries.username, username))
    .groupBy(historyEntries.attribute)
    .orderBy(sql`max(${historyEntries.label})`);
}

/** Observed entries the user has not dismissed from "Since your last visit". */
export function undismissedObserved(db: Db, username: string, limit: number) {
  return db
    .select({ entry: historyEntries })
    .from(historyEntries)
    .innerJoin(userStates, eq(userStates.username, historyEntries.username))
    .where(
      and(
        eq(historyEntries.username, username),
        eq(historyEntries.kind, "observed"),
        gt(historyEntries.id, userStates.dismissedThrough),
      ),
    )
    .orderBy(desc(historyEntries.id))
    .limit(limit)
    .then((rows) => rows.map((row) => row.entry));
}

export async function dismissThrough(db: Db, username: string, through: number): Promise<void> {
  await db
    .update(userStates)
    .set({ dismissedThrough: sql`greatest(${userStates.dismissedThrough}, ${through})` })
    .where(eq(userStates.username, username));
}

/** Every row of the user: entries, requests in flight, last-seen owners, state. */
export async function deleteUser(db: Db, username: string): Promise<number> {
  return db.transaction(async (tx) => {
    const deleted = await tx
      .delete(historyEntries)
      .where(eq(historyEntries.username, username))
      .returning({ id: historyEntries.id });
    await tx.delete(historyInFlight).where(eq(historyInFlight.username, username));
    await tx.delete(lastSeenOwners).where(eq(lastSeenOwners.username, username));
    await tx.delete(userStates).where(eq(userStates.username, username));
    return deleted.length;
  });
}

/**
 * Deletes entries older than `days` (and requests a crash left in flight as long ago, of a user
 * who never loaded the list again); returns how many entries.
 */
export async function pruneOlderThan(db: Db, days: number): Promise<number> {
  const cutoff = sql`now() - make_interval(days => ${days}::int)`;
  await db.delete(historyInFlight).where(lt(historyInFlight.createdAt, cutoff));
  const deleted = await db
    .delete(historyEntries)
    .where(lt(historyEntries.createdAt, cutoff))
    .returning({ id: historyEntries.id });
  return deleted.length;
}
