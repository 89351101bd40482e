/**
 * The statements that write this app's own changes: one in-flight row per request while Exist is
 * called, its entries whole after the answer, and the outcomes a list load settles later. Plain
 * data in and out; record-change.ts decides what to record. Every statement is portable between
 * PostgreSQL 15 and PGlite (PostgreSQL 18).
 */
import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/database";
import { noteDeadRows } from "@/lib/db/vacuum";
import type { historyEntries } from "@/lib/db/schema";

export type Outcome = NonNullable<(typeof historyEntries.$inferSelect)["outcome"]>;
/** An item of a request, numbered in its order, as Exist's answer is matched against it. */
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

export type Flight = {
  username: string;
  kind: "change" | "write";
  action: string;
  items: readonly IntentItem[];
  requestId: string;
  settleAfter: Date;
};

/**
 * A request on its way to Exist, as one small row (its items as JSON): the entries are written
 * whole once Exist has answered (`insertEntries`), and a crash in between leaves this row for
 * the next list load (`recordStaleFlights`). One row instead of an entry per item, each written
 * twice, is most of what recording an acquire of 35 costs on the embedded database.
 */
export async function insertFlight(db: Db, flight: Flight): Promise<number | undefined> {
  if (flight.items.length === 0) return undefined;
  // Only the keys an item has: the JSON is parsed on this thread too (the embedded database).
  const items = flight.items.map((item) => ({
    name: item.attribute,
    label: item.label ?? undefined,
    day: item.day ?? undefined,
  }));
  const result = await db.execute(sql`
    insert into history_in_flight (username, kind, action, items, request_id, settle_after)
    values (${flight.username}, ${flight.kind}, ${flight.action}, ${JSON.stringify(items)}::jsonb,
      ${flight.requestId}, ${flight.settleAfter.toISOString()}::timestamptz)
    returning id`);
  return Number(rowsOf(result)[0]?.id);
}

/**
 * A user's requests whose answer has not been recorded: the owner changes among them are not
 * for a list load to take as changes made elsewhere, and the history shows them as unknown.
 */
export async function listFlights(db: Db, username: string) {
  const result = await db.execute(sql`
    select f.id, f.kind, f.action, f.request_id, f.created_at, f.settle_after,
      item.name, coalesce(item.label, seen.label) as label, item.day::text as day, item.position
    from history_in_flight f
    cross join lateral rows from (jsonb_to_recordset(f.items) as (name text, label text, day date))
      with ordinality as item(name, label, day, position)
    left join last_seen_owners seen on seen.username = f.username and seen.attribute = item.name
    where f.username = ${username}
    order by f.id desc, item.position`);
  return rowsOf(result).map((row) => ({
    flight: Number(row.id),
    position: Number(row.position),
    kind: String(row.kind) as Flight["kind"],
    action: String(row.action),
    attribute: String(row.name),
    label: row.label === null ? null : String(row.label),
    day: dayOf(row.day),
    requestId: String(row.request_id),
    createdAt: dateOf(row.created_at),
    settleAfter: dateOf(row.settle_after),
  }));
}

/**
 * Requests of `username` whose answer never came (the process died) and that Exist has long
 * answered by `now`: recorded as unknown entries (a list load then settles the owner changes).
 */
export async function recordStaleFlights(db: Db, username: string, now: Date): Promise<void> {
  await db.execute(sql`
    with stale as (
      delete from history_in_flight
      where username = ${username} and settle_after <= ${now.toISOString()}::timestamptz
      returning *
    )
    insert into history_entries
      (username, kind, attribute, label, action, day, owner_before, outcome, request_id,
        created_at, settle_after)
    select stale.username, stale.kind, item.name, coalesce(seen.label, item.label, item.name),
      stale.action, item.day, case when stale.kind = 'change' then seen.owner end, 'unknown',
      stale.request_id, stale.created_at, stale.settle_after
    from stale
    cross join lateral rows from (jsonb_to_recordset(stale.items) as (name text, label text, day date))
      with ordinality as item(name, label, day, position)
    left join last_seen_owners seen
      on seen.username = stale.username and seen.attribute = item.name
    order by stale.id, item.position`);
}

/** An entry recorded whole, its outcome known (or unknown for good: the answer was lost). */
export type NewEntry = {
  username: string;
  kind: "change" | "write";
  action: string;
  attribute: string;
  /** null: the label the last list load saw, else the attribute's name. */
  label: string | null;
  day: string | null;
  outcome: Outcome;
  /** A change done: the new owner (a refused change keeps the owner last seen). */
  ownerAfter?: string | null;
  errorCode: string | null;
  requestId: string;
  /** Outcome unknown: a list load may settle it from this moment on. */
  settleAfter?: Date | null;
  /** The request's row in history_in_flight, deleted in the same statement. */
  flight?: number;
};

/**
 * Entries recorded whole, of any users, in one call, in the order given; their requests'
 * in-flight rows go with them. Owner changes and tags that were done also become the last-seen
 * owners (the later change when one attribute changed twice in the batch), so the next list load
 * does not count this app's own change as one made elsewhere. The statements are the
 * `history_record_entries` function's (drizzle/0005_history_in_flight.sql), which PostgreSQL
 * plans once per connection.
 */
export async function insertEntries(db: Db, entries: readonly NewEntry[]): Promise<void> {
  if (entries.length === 0) return;
  // Grouped by request, each item with only the keys it has: the JSON is parsed on this thread
  // too (the embedded database), and an acquire of 35 would repeat its request's fields 35 times.
  const requests: Array<{ key: string; request: Record<string, unknown>; items: unknown[] }> = [];
  for (const e of entries) {
    const key = [e.username, e.kind, e.action, e.requestId, e.flight].join("\u0000");
    let last = requests.at(-1);
    if (last?.key !== key) {
      last = {
        key,
        request: { username: e.username, kind: e.kind, action: e.action, request_id: e.requestId },
        items: [],
      };
      requests.push(last);
    }
    last.items.push({
      attribute: e.attribute,
      label: e.label ?? undefined,
      day: e.day ?? undefined,
      outcome: e.outcome,
      owner_after: e.ownerAfter ?? undefined,
      error_code: e.errorCode ?? undefined,
      settle_after: e.settleAfter?.toISOString(),
    });
  }
  const rows = rowsParam(requests.map(({ request, items }) => ({ ...request, items })));
  const flights = new Set(entries.flatMap((e) => (e.flight === undefined ? [] : [e.flight])));
  const ids = `{${[...flights].map((id) => Math.trunc(id)).join(",")}}`;
  await db.execute(sql`select history_record_entries(${rows}, ${ids}::bigint[])`);
  noteDeadRows(db, "history_in_flight", flights.size);
}

/** A timestamp as both drivers answer it: a Date, or its text. */
function dateOf(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
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
 * Writes the outcomes of entries recorded as unknown (a list load settles them by the owners
 * Exist reports); owner changes and tags that were done also become the last-seen owners (the
 * later change when one attribute changed twice), so the next list load does not count this
 * app's own change as one made elsewhere. One statement.
 */
export async function settleEntries(
  db: Db,
  username: string,
  settlements: readonly Settlement[],
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
  const update = sql`
      update history_entries as entry
      set attribute = v.attribute, label = v.label, outcome = v.outcome,
        owner_after = v.owner_after, error_code = v.error_code, settle_after = null
      from jsonb_to_recordset(${values})
        as v(id bigint, attribute text, label text, outcome text, owner_after text, error_code text)
      where entry.id = v.id`;
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
