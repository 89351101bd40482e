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
export type Intent = {
  id: number;
  attribute: string;
  label: string;
  ownerBefore: string | null;
  day: string | null;
};

/**
 * One item of a request: its attribute ("" for a tag Exist has yet to name), label, day. A write
 * without a label takes the one the last list load saw.
 */
export type IntentItem = { attribute: string; label?: string; day?: string | null };

/**
 * One intent per item, ids in the order given; the label from the last list load, else the
 * item's. A change of owner (`change`) also keeps the owner last seen.
 */
export async function insertIntents(
  db: Db,
  intent: {
    username: string;
    kind: "change" | "write";
    action: string;
    items: readonly IntentItem[];
    requestId: string;
    settleAfter: Date;
  },
): Promise<Intent[]> {
  if (intent.items.length === 0) return [];
  const items = rowsParam(
    intent.items.map((item, position) => ({
      name: item.attribute,
      label: item.label ?? null,
      day: item.day ?? null,
      position,
    })),
  );
  // A write keeps no owner and usually knows its labels: the join is skipped, as it costs about
  // as much as the insert itself on the embedded database.
  const join = intent.kind === "change" || intent.items.some((item) => item.label === undefined);
  const seen = join
    ? sql`left join last_seen_owners seen
      on seen.username = ${intent.username} and seen.attribute = item.name`
    : sql``;
  const label = join ? sql`coalesce(seen.label, item.label, item.name)` : sql`item.label`;
  const ownerBefore = intent.kind === "change" ? sql`seen.owner` : sql`null`;
  const result = await db.execute(sql`
    insert into history_entries
      (username, kind, attribute, label, action, day, owner_before, outcome, request_id, settle_after)
    select ${intent.username}, ${intent.kind}, item.name, ${label},
      ${intent.action}, item.day, ${ownerBefore}, 'unknown', ${intent.requestId}, ${intent.settleAfter.toISOString()}::timestamptz
    from jsonb_to_recordset(${items}) as item(name text, label text, day date, position int)
    ${seen}
    order by item.position
    returning id, attribute, label, owner_before, day::text as day`);
  return rowsOf(result).map((row) => ({
    id: Number(row.id),
    attribute: String(row.attribute),
    label: String(row.label),
    ownerBefore: row.owner_before === null ? null : String(row.owner_before),
    day: dayOf(row.day),
  }));
}

/** An entry recorded whole, its outcome known: a value written (never the value itself). */
export type NewEntry = {
  username: string;
  kind: "write";
  action: string;
  attribute: string;
  label: string;
  day: string | null;
  outcome: Outcome;
  errorCode: string | null;
  requestId: string;
};

/** Entries recorded whole, of any users, in one statement, in the order given. */
export async function insertEntries(db: Db, entries: readonly NewEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const rows = rowsParam(
    entries.map((e, position) => ({
      username: e.username,
      kind: e.kind,
      attribute: e.attribute,
      label: e.label,
      action: e.action,
      day: e.day,
      outcome: e.outcome,
      error_code: e.errorCode,
      request_id: e.requestId,
      position,
    })),
  );
  await db.execute(sql`
    insert into history_entries
      (username, kind, attribute, label, action, day, outcome, error_code, request_id)
    select username, kind, attribute, label, action, day, outcome, error_code, request_id
    from jsonb_to_recordset(${rows}) as e(username text, kind text, attribute text, label text,
      action text, day date, outcome text, error_code text, request_id text, position int)
    order by e.position`);
}

/** The day as text (`day::text`): node-postgres would make a `date` a local-time Date. */
function dayOf(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
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
 * Writes outcomes (a tag's name too, once Exist gave it); owner changes and tags that were done
 * also become the last-seen owners, so the next list load does not count this app's own change
 * as one made elsewhere; when one attribute changed twice in the batch (settle-later.ts groups
 * the requests of a few milliseconds), the later change is the owner. One statement;
 * `owners: false` (values written: no owner changed) leaves the last-seen owners out of it.
 */
export async function settleEntries(
  db: Db,
  username: string,
  settlements: readonly Settlement[],
  settleAfter: Date | null = null,
  { owners = true }: { owners?: boolean } = {},
): Promise<void> {
  if (settlements.length === 0) return;
  const values = rowsParam(
    settlements.map((s) => ({
      id: s.id,
      attribute: s.attribute,
      label: s.label,
      outcome: s.outcome,
      owner_after: s.ownerAfter,
      error_code: s.errorCode,
    })),
  );
  const settle = settleAfter ? sql`${settleAfter.toISOString()}::timestamptz` : sql`null`;
  const update = sql`
      update history_entries as entry
      set attribute = v.attribute, label = v.label, outcome = v.outcome,
        owner_after = v.owner_after, error_code = v.error_code, settle_after = ${settle}
      from jsonb_to_recordset(${values})
        as v(id bigint, attribute text, label text, outcome text, owner_after text, error_code text)
      where entry.id = v.id`;
  if (!owners) {
    await db.execute(update);
    return;
  }
  await db.execute(sql`
    with settled as (
      ${update}
      returning entry.id, entry.kind, entry.action, entry.attribute, entry.label, entry.outcome,
        entry.owner_after
    )
    insert into last_seen_owners as seen (username, attribute, label, owner, active)
    select distinct on (attribute) ${username}, attribute, label, owner_after, owner_after is not null
    from settled
    where outcome = 'done' and (kind = 'change' or action = 'create') and attribute <> ''
    order by attribute, id desc
    on conflict (username, attribute) do update
    set label = excluded.label, owner = excluded.owner, active = excluded.active
    where (seen.label, seen.owner, seen.active)
      is distinct from (excluded.label, excluded.owner, excluded.active)`);
}

/**
 * Rows for `jsonb_to_recordset`, as one parameter. A `values` list of one parameter per field
 * costs the embedded database about twice as much CPU as the same rows in one JSON text (35
 * items: about 3.2 ms against 1.8 ms on this machine), most of an acquire's recording.
 */
function rowsParam(rows: readonly Record<string, unknown>[]) {
  return sql`${JSON.stringify(rows)}::jsonb`;
}

/** `execute` answers `{ rows }` on both drivers. */
function rowsOf(result: unknown): Array<Record<string, unknown>> {
  return (result as { rows: Array<Record<string, unknown>> }).rows;
}
