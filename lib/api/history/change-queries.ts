/**
 * The statements that write this app's own changes: an intent per item before Exist is called,
 * its outcome after. Plain data in and out; record-change.ts decides what to record. Every
 * statement is portable between PostgreSQL 15 and PGlite (PostgreSQL 18).
 */
import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/database";
import type { historyEntries } from "@/lib/db/schema";

export type Outcome = NonNullable<(typeof historyEntries.$inferSelect)["outcome"]>;
export type Intent = { id: number; attribute: string; label: string; ownerBefore: string | null };

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
): Promise<Intent[]> {
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

/** `execute` answers `{ rows }` on both drivers. */
function rowsOf(result: unknown): Array<Record<string, unknown>> {
  return (result as { rows: Array<Record<string, unknown>> }).rows;
}
