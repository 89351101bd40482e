/**
 * Queries on the history tables. Plain data in and out; record-change.ts decides what to
 * record. Every statement is portable between PostgreSQL 15 and PGlite (PostgreSQL 18).
 */
import "server-only";
import { and, desc, eq, gt, inArray, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/database";
import { historyEntries, lastSeenOwners, userStates } from "@/lib/db/schema";

export type HistoryEntry = typeof historyEntries.$inferSelect;
export type Outcome = NonNullable<HistoryEntry["outcome"]>;
export type OwnerState = {
  attribute: string;
  label: string;
  owner: string | null;
  active: boolean;
};

/** One intent per item, owner before from the last list load; ids in the order given. */
export async function insertIntents(
  db: Db,
  intent: {
    username: string;
    action: "acquire" | "release";
    attributes: readonly string[];
    requestId: string;
    settleAfter: Date;
  },
): Promise<Array<{ id: number; attribute: string; label: string; ownerBefore: string | null }>> {
  if (intent.attributes.length === 0) return [];
  const items = sql.join(
    intent.attributes.map((name, index) => sql`(${name}::text, ${index}::int)`),
    sql`, `,
  );
  const result = await db.execute(sql`
    insert into history_entries
      (username, kind, attribute, label, action, owner_before, outcome, request_id, settle_after)
    select ${intent.username}, 'change', item.name, coalesce(seen.label, item.name),
      ${intent.action}, seen.owner, 'unknown', ${intent.requestId}, ${intent.settleAfter.toISOString()}::timestamptz
    from (values ${items}) as item(name, position)
    left join last_seen_owners seen
      on seen.username = ${intent.username} and seen.attribute = item.name
    order by item.position
    returning id, attribute, label, owner_before`);
  return rowsOf(result).map((row) => ({
    id: Number(row.id),
    attribute: String(row.attribute),
    label: String(row.label),
    ownerBefore: row.owner_before === null ? null : String(row.owner_before),
  }));
}

export type Settlement = {
  id: number;
  attribute: string;
  label: string;
  outcome: Outcome;
  ownerAfter: string | null;
  errorCode: string | null;
};

/**
 * Writes outcomes; items that were done also become the last-seen owners, so the next list
 * load does not count this app's own change as one made elsewhere. One statement.
 */
export async function settleEntries(
  db: Db,
  username: string,
  settlements: readonly Settlement[],
  settleAfter: Date | null = null,
): Promise<void> {
  if (settlements.length === 0) return;
  const values = sql.join(
    settlements.map(
      (s) =>
        sql`(${s.id}::bigint, ${s.label}::text, ${s.outcome}::text, ${s.ownerAfter}::text, ${s.errorCode}::text)`,
    ),
    sql`, `,
  );
  const settle = settleAfter ? sql`${settleAfter.toISOString()}::timestamptz` : sql`null`;
  await db.execute(sql`
    with settled as (
      update history_entries as entry
      set label = v.label, outcome = v.outcome, owner_after = v.owner_after,
        error_code = v.error_code, settle_after = ${settle}
      from (values ${values}) as v(id, label, outcome, owner_after, error_code)
      where entry.id = v.id
      returning entry.attribute, entry.label, entry.outcome, entry.owner_after
    )
    insert into last_seen_owners as seen (username, attribute, label, owner, active)
    select ${username}, attribute, label, owner_after, owner_after is not null
    from settled where outcome = 'done'
    on conflict (username, attribute) do update
    set label = excluded.label, owner = excluded.owner, active = excluded.active
    where (seen.label, seen.owner, seen.active)
      is distinct from (excluded.label, excluded.owner, excluded.active)`);
}

export async function upsertOwners(db: Db, username: string, owners: readonly OwnerState[]) {
  if (owners.length === 0) return;
  await db
    .insert(lastSeenOwners)
    .values(owners.map((owner) => ({ username, ...owner })))
    .onConflictDoUpdate({
      target: [lastSeenOwners.username, lastSeenOwners.attribute],
      set: {
        label: sql`excluded.label`,
        owner: sql`excluded.owner`,
        active: sql`excluded.active`,
      },
      // An owner seen again (re-acquiring what this app owns) writes no new row version.
      setWhere: sql`(${lastSeenOwners.label}, ${lastSeenOwners.owner}, ${lastSeenOwners.active})
        is distinct from (excluded.label, excluded.owner, excluded.active)`,
    });
}

/** What a list load needs, read under a row lock so concurrent loads of one user take turns. */
export async function lockUserState(db: Db, username: string) {
  await db.insert(userStates).values({ username }).onConflictDoNothing();
  const [state] = await db
    .select()
    .from(userStates)
    .where(eq(userStates.username, username))
    .for("update");
  const owners = await db
    .select()
    .from(lastSeenOwners)
    .where(eq(lastSeenOwners.username, username));
  const unknown = await db
    .select()
    .from(historyEntries)
    .where(and(eq(historyEntries.username, username), eq(historyEntries.outcome, "unknown")));
  return { ownersSeenAt: state?.ownersSeenAt ?? null, owners, unknown };
}

export async function insertObserved(
  db: Db,
  rows: ReadonlyArray<
    Pick<
      HistoryEntry,
      "username" | "attribute" | "label" | "action" | "ownerBefore" | "ownerAfter"
    > & {
      seenSince: Date | null;
    }
  >,
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(historyEntries)
    .values(rows.map((row) => ({ ...row, kind: "observed" as const })));
}

export async function deleteOwners(db: Db, username: string, attributes: readonly string[]) {
  if (attributes.length === 0) return;
  await db
    .delete(lastSeenOwners)
    .where(
      and(
        eq(lastSeenOwners.username, username),
        inArray(lastSeenOwners.attribute, [...attributes]),
      ),
    );
}

export async function markOwnersSeen(db: Db, username: string, at: Date) {
  await db.update(userStates).set({ ownersSeenAt: at }).where(eq(userStates.username, username));
}

export type HistoryFilter = { attribute?: string; kind?: "change" | "observed" };

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
): Promise<HistoryEntry[]> {
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

/** Every row of the user: entries, last-seen owners, state. */
export async function deleteUser(db: Db, username: string): Promise<number> {
  return db.transaction(async (tx) => {
    const deleted = await tx
      .delete(historyEntries)
      .where(eq(historyEntries.username, username))
      .returning({ id: historyEntries.id });
    await tx.delete(lastSeenOwners).where(eq(lastSeenOwners.username, username));
    await tx.delete(userStates).where(eq(userStates.username, username));
    return deleted.length;
  });
}

/** Deletes entries older than `days`; returns how many. */
export async function pruneOlderThan(db: Db, days: number): Promise<number> {
  const deleted = await db
    .delete(historyEntries)
    .where(lt(historyEntries.createdAt, sql`now() - make_interval(days => ${days}::int)`))
    .returning({ id: historyEntries.id });
  return deleted.length;
}

/** `execute` answers `{ rows }` on both drivers. */
function rowsOf(result: unknown): Array<Record<string, unknown>> {
  return (result as { rows: Array<Record<string, unknown>> }).rows;
}
