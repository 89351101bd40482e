/**
 * The imports' storage: the import row, its values and their states. The job claims the next
 * batch with one UPDATE over rows locked FOR UPDATE SKIP LOCKED, so two instances never take
 * the same values; the values of a call whose answer was lost stay `sending` and go again.
 */
import "server-only";
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { ImportStatus, Value } from "@/lib/api/contract";
import type { Db } from "@/lib/db/database";
import { imports, importValues } from "@/lib/db/schema";
import { MAX_OBJECTS_PER_CALL } from "@/lib/exist/client";

export type ImportRow = typeof imports.$inferSelect;
export type Phase = "import" | "undo";
export type ValueRow = typeof importValues.$inferInsert;
export type ClaimedValue = { seq: number; attribute: string; day: string; value: Value };

/** The values of one phase of an import, narrowed by `more` (a state, some seqs) where given. */
export const phaseValues = (id: string, phase: Phase, ...more: SQL[]) =>
  and(eq(importValues.importId, id), eq(importValues.phase, phase), ...more);

/** Rows a statement inserts at most: 9 parameters each, well under PostgreSQL's 65,535. */
const INSERT_CHUNK = 2000;

export async function insertImport(
  db: Db,
  row: typeof imports.$inferInsert,
  values: readonly ValueRow[],
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(imports).values(row);
    for (let start = 0; start < values.length; start += INSERT_CHUNK) {
      await tx.insert(importValues).values(values.slice(start, start + INSERT_CHUNK));
    }
  });
}

export async function findImport(db: Db, username: string, id: string) {
  const [row] = await db
    .select()
    .from(imports)
    .where(and(eq(imports.id, id), eq(imports.username, username)));
  return row;
}

export async function importById(db: Db, id: string) {
  const [row] = await db.select().from(imports).where(eq(imports.id, id));
  return row;
}

/**
 * What the Import page shows on return, and the attributes page links: an import at work
 * (running, paused, undoing) or stopped on a problem the person can resume from (failed). A
 * preview is not under way: its file is in the page that made it, and nothing of it is written.
 */
const UNDER_WAY: ImportStatus[] = ["running", "paused", "undoing", "failed"];

/** The person's latest import under way (UNDER_WAY), previews left aside. */
export async function importUnderWay(db: Db, username: string) {
  const [row] = await db
    .select()
    .from(imports)
    .where(and(eq(imports.username, username), inArray(imports.status, UNDER_WAY)))
    .orderBy(sql`${imports.createdAt} desc`)
    .limit(1);
  return row;
}

/** Another import of the person's that writes (or may write) now. */
export async function activeImportOf(db: Db, username: string) {
  const [row] = await db
    .select({ id: imports.id })
    .from(imports)
    .where(
      and(
        eq(imports.username, username),
        inArray(imports.status, ["running", "paused", "undoing"]),
      ),
    )
    .limit(1);
  return row;
}

/** Changes the status only from one of `from`; returns the row changed, if any. */
export async function moveStatus(
  db: Db,
  id: string,
  from: readonly ImportStatus[],
  set: Partial<typeof imports.$inferInsert> & { status: ImportStatus },
) {
  const [row] = await db
    .update(imports)
    .set(set)
    .where(and(eq(imports.id, id), inArray(imports.status, [...from])))
    .returning();
  return row;
}

export async function updateImport(db: Db, id: string, set: Partial<typeof imports.$inferInsert>) {
  await db.update(imports).set(set).where(eq(imports.id, id));
}

/** Values in `sending`: a call whose answer never came back (its instance died). */
export async function inFlight(db: Db, id: string, phase: Phase): Promise<ClaimedValue[]> {
  const rows = await db
    .select({
      seq: importValues.seq,
      attribute: importValues.attribute,
      day: importValues.day,
      value: importValues.value,
    })
    .from(importValues)
    .where(phaseValues(id, phase, eq(importValues.state, "sending")))
    .orderBy(asc(importValues.seq))
    .limit(35);
  return rows as ClaimedValue[];
}

/**
 * Takes the next `size` pending values of the import for one call: marks them `sending` with
 * `batch`. Rows another transaction holds are skipped, never taken twice.
 */
export async function claimBatch(
  db: Db,
  id: string,
  phase: Phase,
  batch: number,
  size = MAX_OBJECTS_PER_CALL,
): Promise<ClaimedValue[]> {
  const v = importValues;
  const result = await db.execute(sql`
    update ${v} set state = 'sending', batch = ${batch}
    where (${v.importId}, ${v.phase}, ${v.seq}) in (
      select ${v.importId}, ${v.phase}, ${v.seq} from ${v}
      where ${v.importId} = ${id} and ${v.phase} = ${phase} and ${v.state} = 'pending'
      order by ${v.seq} limit ${size}
      for update skip locked
    )
    returning ${v.seq} as seq, ${v.attribute} as attribute, ${v.day} as day, ${v.value} as value`);
  const rows = (result as unknown as { rows: Array<ClaimedValue & { day: string | Date }> }).rows;
  return rows
    .map((row) => ({ ...row, day: typeof row.day === "string" ? row.day : isoDay(row.day) }))
    .sort((a, b) => a.seq - b.seq);
}

const isoDay = (day: Date) => day.toISOString().slice(0, 10);

/** Puts claimed values back (nothing was sent: no room in the window, or a 429). */
export async function releaseBatch(db: Db, id: string, phase: Phase, seqs: readonly number[]) {
  if (seqs.length === 0) return;
  await db
    .update(importValues)
    .set({ state: "pending", batch: null })
    .where(phaseValues(id, phase, inArray(importValues.seq, [...seqs])));
}

export type Settled = {
  seq: number;
  state: "written" | "refused";
  errorCode?: string;
  error?: string;
};

/** Records Exist's answer for each value of a call. */
export async function settleBatch(db: Db, id: string, phase: Phase, settled: readonly Settled[]) {
  await db.transaction(async (tx) => {
    const written = settled.filter((item) => item.state === "written").map((item) => item.seq);
    if (written.length > 0) {
      await tx
        .update(importValues)
        .set({ state: "written" })
        .where(phaseValues(id, phase, inArray(importValues.seq, written)));
    }
    for (const item of settled) {
      if (item.state !== "refused") continue;
      await tx
        .update(importValues)
        .set({ state: "refused", errorCode: item.errorCode ?? null, error: item.error ?? null })
        .where(phaseValues(id, phase, eq(importValues.seq, item.seq)));
    }
    await tx
      .update(imports)
      .set({ calls: sql`${imports.calls} + 1` })
      .where(eq(imports.id, id));
  });
}

export type StateCounts = Record<
  "pending" | "sending" | "written" | "refused" | "unchanged" | "skipped",
  number
>;

export async function countStates(db: Db, id: string, phase: Phase): Promise<StateCounts> {
  const rows = await db
    .select({ state: importValues.state, count: sql<number>`count(*)::int` })
    .from(importValues)
    .where(phaseValues(id, phase))
    .groupBy(importValues.state);
  const counts: StateCounts = {
    pending: 0,
    sending: 0,
    written: 0,
    refused: 0,
    unchanged: 0,
    skipped: 0,
  };
  for (const row of rows) counts[row.state] = Number(row.count);
  return counts;
}

/** Values never sent, once an import is cancelled: skipped. */
export async function skipPending(db: Db, id: string, phase: Phase) {
  await db
    .update(importValues)
    .set({ state: "skipped", batch: null })
    .where(phaseValues(id, phase, eq(importValues.state, "pending")));
}

/**
 * At the end of an import: the file's values go; what stays is the state of each value and the
 * replaced values' snapshot (`before`) for undo.
 */
export async function forgetValues(db: Db, id: string, phase: Phase) {
  await db.update(importValues).set({ value: null }).where(phaseValues(id, phase));
}

/** Undo: one pending value per value the import replaced, Exist's before as the value. */
export async function planUndo(db: Db, id: string): Promise<number> {
  const v = importValues;
  const result = await db.execute(sql`
    insert into ${v} (import_id, phase, seq, attribute, day, value, row, state)
    select import_id, 'undo', seq, attribute, day, before, row, 'pending' from ${v}
    where ${v.importId} = ${id} and ${v.phase} = 'import' and ${v.state} = 'written'
      and ${v.before} is not null
    on conflict do nothing`);
  return (
    (result as unknown as { affectedRows?: number; rowCount?: number }).rowCount ??
    (result as unknown as { affectedRows?: number }).affectedRows ??
    0
  );
}

/**
 * Of the values the import wrote, those that replaced one (their `before` is kept for undo) and
 * the days that were empty before (undo cannot empty them again), in one statement.
 */
export async function countWritten(
  db: Db,
  id: string,
): Promise<{ replaced: number; newDays: number }> {
  const [row] = await db
    .select({
      replaced: sql<number>`count(*) filter (where ${importValues.before} is not null)::int`,
      newDays: sql<number>`count(*) filter (where ${importValues.before} is null)::int`,
    })
    .from(importValues)
    .where(phaseValues(id, "import", eq(importValues.state, "written")));
  return { replaced: Number(row?.replaced ?? 0), newDays: Number(row?.newDays ?? 0) };
}

export async function refusedValues(db: Db, id: string, limit?: number) {
  const query = db
    .select({
      name: importValues.attribute,
      date: importValues.day,
      errorCode: importValues.errorCode,
      error: importValues.error,
      row: importValues.row,
      phase: importValues.phase,
    })
    .from(importValues)
    .where(and(eq(importValues.importId, id), eq(importValues.state, "refused")))
    .orderBy(asc(importValues.phase), asc(importValues.seq));
  return limit === undefined ? query : query.limit(limit);
}

/** Every value of an import in order, for the CSV report. */
export async function allValues(db: Db, id: string) {
  return db
    .select({
      phase: importValues.phase,
      attribute: importValues.attribute,
      tagLabel: importValues.tagLabel,
      day: importValues.day,
      row: importValues.row,
      state: importValues.state,
      errorCode: importValues.errorCode,
      error: importValues.error,
    })
    .from(importValues)
    .where(eq(importValues.importId, id))
    .orderBy(asc(importValues.phase), asc(importValues.seq));
}

/** Tags created for the import get their names (Exist made them from the labels). */
export async function nameTags(db: Db, id: string, tags: Record<string, string>) {
  for (const [label, name] of Object.entries(tags)) {
    await db
      .update(importValues)
      .set({ attribute: name })
      .where(and(eq(importValues.importId, id), eq(importValues.tagLabel, label)));
  }
}

export async function unnamedTags(db: Db, id: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ label: importValues.tagLabel })
    .from(importValues)
    .where(and(eq(importValues.importId, id), eq(importValues.attribute, "")));
  return rows.flatMap((row) => (row.label ? [row.label] : []));
}

/** Imports running or undoing: each needs a job (after a restart, say). */
export async function runningImports(db: Db) {
  return db
    .select({ id: imports.id, waitingUntil: imports.waitingUntil })
    .from(imports)
    .where(inArray(imports.status, ["running", "undoing"]));
}

/**
 * The snapshots of imports that ended more than `days` ago go (their values, whatever their
 * state); the import's row stays with its counts. Previews never started go after a day.
 */
export async function pruneImports(db: Db, days = 30): Promise<number> {
  const ended = await db
    .select({ id: imports.id })
    .from(imports)
    .where(
      sql`(${imports.endedAt} < now() - make_interval(days => ${days}::int))
        or (${imports.status} = 'preview' and ${imports.createdAt} < now() - interval '1 day')`,
    );
  const ids = ended.map((row) => row.id);
  if (ids.length === 0) return 0;
  // The whole record: its preview's before → after samples are values too, and a token pair
  // kept for a session's handover goes with it (import_tokens cascades).
  await db.delete(importValues).where(inArray(importValues.importId, ids));
  await db.delete(imports).where(inArray(imports.id, ids));
  return ids.length;
}

/** Delete my history: the person's imports and their snapshots go with it. */
export async function deleteImportsOf(db: Db, username: string): Promise<number> {
  const deleted = await db
    .delete(imports)
    .where(
      and(
        eq(imports.username, username),
        inArray(imports.status, ["preview", "finished", "cancelled", "undone", "failed"]),
      ),
    )
    .returning({ id: imports.id });
  return deleted.length;
}
