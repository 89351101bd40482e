/**
 * The `import-run` job: writes an import's pending values to Exist's update/, 35 a call (the
 * fewest calls), within the import's share of each window (lib/api/rate/). Each call's values
 * are claimed first (queries.ts's claimBatch), so no two runs send the same values; a call
 * whose answer was lost is sent again on the next run (update/ sets a day's value: sending it
 * twice is harmless). When the share is used up, or Exist answers 429, the job sends itself
 * again for the next window's start and ends; pause and cancel are seen between calls.
 */
import "server-only";
import type { ImportStatus } from "@/lib/api/contract";
import { outcomeUnknown } from "@/lib/api/errors";
import {
  ImportTokenSource,
  dropImportToken,
  readImportToken,
} from "@/lib/api/imports/import-tokens";
import {
  claimBatch,
  forgetValues,
  importById,
  inFlight,
  moveStatus,
  releaseBatch,
  settleBatch,
  updateImport,
  type ClaimedValue,
  type Phase,
  type Settled,
} from "@/lib/api/imports/queries";
import { markWindowSpent, reserveImportCalls } from "@/lib/api/rate/call-budget";
import { flushOwnCalls } from "@/lib/api/rate/own-calls";
import { database, type Db } from "@/lib/db/database";
import { createExistClient, type ExistClient } from "@/lib/exist/client";
import { existConfig } from "@/lib/exist/config";
import { ExistError } from "@/lib/exist/errors";

export type RunOutcome = { kind: "done" } | { kind: "stopped" } | { kind: "wait"; until: Date };

/** How long an ended import's replaced values are kept for undo. */
export const UNDO_DAYS = 30;

/** Sends the import's next run; the worker (worker.ts) passes the job engine's send. */
export type Reschedule = (importId: string, startAfter: Date) => Promise<void>;

export async function runImport(
  importId: string,
  reschedule: Reschedule,
  signal?: AbortSignal,
): Promise<RunOutcome> {
  const { db } = await database();
  const row = await importById(db, importId);
  if (!row || (row.status !== "running" && row.status !== "undoing")) return { kind: "stopped" };
  const phase: Phase = row.status === "undoing" ? "undo" : "import";
  const tokens = await readImportToken(db, importId, row.username);
  if (!tokens) {
    await fail(
      db,
      importId,
      row.status,
      "reauth_required",
      "The import lost its Exist sign-in. Resume it to sign in again.",
    );
    return { kind: "stopped" };
  }
  const exist = createExistClient(
    existConfig(),
    new ImportTokenSource(db, importId, row.username, tokens),
  );
  for (let batch = row.calls + 1; ; batch += 1) {
    if (signal?.aborted) throw new Error("the job was taken from this worker");
    const now = await importById(db, importId);
    if (now?.status !== row.status) return { kind: "stopped" };
    // A call whose answer was lost goes first, as it was.
    const resent = await inFlight(db, importId, phase);
    const values = resent.length > 0 ? resent : await claimBatch(db, importId, phase, batch);
    if (values.length === 0) {
      await end(db, importId, phase);
      return { kind: "done" };
    }
    const seqs = values.map((v) => v.seq);
    // The person's own calls of the last second count first (own-calls.ts holds them briefly).
    await flushOwnCalls(row.username);
    const reservation = await reserveImportCalls(db, row.username, 1);
    if (!reservation.allowed) {
      await releaseBatch(db, importId, phase, resent.length > 0 ? [] : seqs);
      return wait(db, importId, reservation.retryAt, reschedule);
    }
    const sent = await send(exist, values);
    if (sent.kind === "rate_limited") {
      await releaseBatch(db, importId, phase, seqs);
      return wait(db, importId, await markWindowSpent(db, row.username), reschedule);
    }
    if (sent.kind === "reauth") {
      await releaseBatch(db, importId, phase, seqs);
      await fail(
        db,
        importId,
        row.status,
        "reauth_required",
        "Exist no longer accepts this app's sign-in: sign in again and resume the import.",
      );
      return { kind: "stopped" };
    }
    if (sent.kind === "unknown") throw sent.error;
    await settleBatch(db, importId, phase, sent.settled);
  }
}

type Sent =
  | { kind: "answered"; settled: Settled[] }
  | { kind: "rate_limited" }
  | { kind: "reauth" }
  | { kind: "unknown"; error: unknown };

/** One update/ call for `values`, and each value's fate from Exist's answer. */
async function send(exist: ExistClient, values: readonly ClaimedValue[]): Promise<Sent> {
  const items = values.map(({ attribute, day, value }) => ({ name: attribute, date: day, value }));
  try {
    const outcome = await exist.update(items);
    const open = new Map(values.map((value) => [`${value.attribute}/${value.day}`, value.seq]));
    const settled: Settled[] = [];
    for (const item of outcome.result.failed) {
      const seq = open.get(`${String(item.name)}/${String(item.date)}`);
      if (seq === undefined) continue;
      open.delete(`${String(item.name)}/${String(item.date)}`);
      settled.push({ seq, state: "refused", errorCode: item.error_code, error: item.error });
    }
    // Exist lists every item it took in `success`; what it did not refuse, it took.
    for (const seq of open.values()) settled.push({ seq, state: "written" });
    return { kind: "answered", settled };
  } catch (error) {
    if (error instanceof ExistError && error.kind === "rate_limited")
      return { kind: "rate_limited" };
    if (error instanceof ExistError && error.kind === "unauthorized") return { kind: "reauth" };
    if (outcomeUnknown(error) || !(error instanceof ExistError)) return { kind: "unknown", error };
    // A 4xx for the whole call: each value refused with the status.
    const status = error.details.status ?? 400;
    return {
      kind: "answered",
      settled: values.map(({ seq }) => ({
        seq,
        state: "refused",
        errorCode: `http_${status}`,
        error: error.message,
      })),
    };
  }
}

async function wait(
  db: Db,
  importId: string,
  until: Date,
  reschedule: Reschedule,
): Promise<RunOutcome> {
  await updateImport(db, importId, { waitingUntil: until });
  await reschedule(importId, until);
  return { kind: "wait", until };
}

async function end(db: Db, importId: string, phase: Phase): Promise<void> {
  const ended = new Date();
  await moveStatus(db, importId, [phase === "undo" ? "undoing" : "running"], {
    status: phase === "undo" ? "undone" : "finished",
    endedAt: ended,
    waitingUntil: null,
    ...(phase === "import"
      ? { undoUntil: new Date(ended.getTime() + UNDO_DAYS * 24 * 60 * 60 * 1000) }
      : {}),
  });
  await forgetValues(db, importId, phase);
  await dropImportToken(db, importId);
}

/**
 * Stops the import until the person resumes it (with a new sign-in) or cancels it. Its stop time
 * is its end for the pruning: one not resumed within 30 days goes with its values.
 */
async function fail(db: Db, importId: string, from: ImportStatus, code: string, message: string) {
  await moveStatus(db, importId, [from], {
    status: "failed",
    problemCode: code,
    problemMessage: message,
    waitingUntil: null,
    endedAt: new Date(),
  });
  await dropImportToken(db, importId);
}
