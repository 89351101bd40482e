/**
 * History written after the answers (the embedded database), a few requests at a time: changes
 * and values written, recorded whole with their outcomes. On the embedded PGlite each statement
 * costs this thread a fixed 1–3 ms whatever its size, so the entries of requests that end close
 * together go out in one statement (a group commit), SETTLE_BATCH_MS after the first of them.
 * Nobody reads them late: a read of a user's history (writesDone) and the shutdown
 * (allWritesDone) flush the waiting batch at once.
 */
import "server-only";
import { insertEntries, type NewEntry } from "@/lib/api/history/change-queries";
import { inBackground, onWait, withHistoryDb } from "@/lib/api/history/store";

export const SETTLE_BATCH_MS = 25;
/** A batch this large is written at once, without waiting for the rest of the window. */
export const SETTLE_BATCH_MAX = 1_000;

export type WriteEntries = (entries: readonly NewEntry[]) => Promise<unknown>;

type Batch = {
  entries: NewEntry[];
  write: WriteEntries;
  timer: ReturnType<typeof setTimeout>;
  done: Promise<void>;
  finish: () => void;
};
type State = { batch?: Batch; hooked?: boolean };

const state = ((globalThis as typeof globalThis & { __settleLater?: State }).__settleLater ??= {});

const writeEntries: WriteEntries = (entries) => withHistoryDb((db) => insertEntries(db, entries));

function startBatch(write: WriteEntries): Batch {
  let finish = () => {};
  const done = new Promise<void>((resolve) => (finish = resolve));
  const timer = setTimeout(flushSettlements, SETTLE_BATCH_MS);
  return { entries: [], write, timer, done, finish };
}

/**
 * Queues entries recorded whole (changes and values written, outcomes included) of `username`,
 * for one statement with those of every user in the window; resolves once it has run (or
 * failed: the history is never a reason to fail a request). `write` is for tests.
 */
export function recordLater(
  username: string,
  entries: readonly NewEntry[],
  write: WriteEntries = writeEntries,
): Promise<void> {
  if (!state.hooked) {
    state.hooked = true;
    onWait(flushSettlements);
  }
  if (entries.length === 0) return Promise.resolve();
  const batch = (state.batch ??= startBatch(write));
  batch.entries.push(...entries);
  inBackground(username, batch.done);
  if (batch.entries.length >= SETTLE_BATCH_MAX) flushSettlements();
  return batch.done;
}

/**
 * Writes the waiting batch now (a reader, a new request or the shutdown is waiting for it): it
 * reaches the database before any statement started after this call, so the history keeps the
 * order of the answers.
 */
export function flushSettlements(): void {
  const batch = state.batch;
  if (!batch) return;
  state.batch = undefined;
  clearTimeout(batch.timer);
  void batch
    .write(batch.entries)
    .catch(() => undefined)
    .finally(batch.finish);
}
