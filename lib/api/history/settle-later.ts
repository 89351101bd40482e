/**
 * History written after the answers (the embedded database), a few requests at a time: the
 * outcomes of changes, and values written, recorded whole. On the
 * embedded PGlite each statement costs this thread a fixed 1–3 ms whatever its size, so the
 * outcomes of requests that end close together go out in one statement per user (a group
 * commit), SETTLE_BATCH_MS after the first of them. Nobody reads them late: a read of a user's
 * history (writesDone) and the shutdown (allWritesDone) flush the waiting batch at once.
 */
import "server-only";
import {
  insertEntries,
  settleEntries,
  type NewEntry,
  type Settlement,
} from "@/lib/api/history/change-queries";
import { inBackground, onWait, withHistoryDb } from "@/lib/api/history/store";

export const SETTLE_BATCH_MS = 25;
/** A batch this large is written at once, without waiting for the rest of the window. */
export const SETTLE_BATCH_MAX = 1_000;

export type SettleOptions = {
  /** Owner changes and created tags: they also become the last-seen owners. */
  owners: boolean;
  /** Intents Exist's answer did not settle: marked for the next list load to settle now. */
  settleNow?: boolean;
};

/** Items of one statement, and the statement. */
type Batch = { items: unknown[]; write: (items: unknown[]) => Promise<unknown> };
type Cycle = {
  batches: Map<string, Batch>;
  size: number;
  timer: ReturnType<typeof setTimeout>;
  done: Promise<void>;
  finish: () => void;
};
type State = { cycle?: Cycle; hooked?: boolean };

const state = ((globalThis as typeof globalThis & { __settleLater?: State }).__settleLater ??= {});

/** Writes one user's settlements in one statement; the history store logs a failure. */
export type WriteBatch = (
  username: string,
  settlements: readonly Settlement[],
  options: SettleOptions,
) => Promise<unknown>;

const writeBatch: WriteBatch = (username, settlements, { owners, settleNow }) =>
  withHistoryDb((db) =>
    settleEntries(db, username, settlements, settleNow ? new Date() : null, { owners }),
  );

function startCycle(): Cycle {
  let finish = () => {};
  const done = new Promise<void>((resolve) => (finish = resolve));
  const timer = setTimeout(flushSettlements, SETTLE_BATCH_MS);
  return { batches: new Map(), size: 0, timer, done, finish };
}

/**
 * Queues `items` for the statement named `key` (the same key, the same statement), written by
 * `write` with every item queued under that key in the window; resolves once it has run.
 */
function later<T>(
  username: string,
  key: string,
  items: readonly T[],
  write: (items: T[]) => Promise<unknown>,
): Promise<void> {
  if (!state.hooked) {
    state.hooked = true;
    onWait(flushSettlements);
  }
  if (items.length === 0) return Promise.resolve();
  const cycle = (state.cycle ??= startCycle());
  const batch = cycle.batches.get(key) ?? { items: [], write: write as Batch["write"] };
  cycle.batches.set(key, batch);
  batch.items.push(...items);
  cycle.size += items.length;
  inBackground(username, cycle.done);
  const { done } = cycle;
  if (cycle.size >= SETTLE_BATCH_MAX) flushSettlements();
  return done;
}

/**
 * Queues `settlements` of `username` for the next group write; resolves once they are written
 * (or the write failed: the history is never a reason to fail a request). `write` is for tests.
 */
export function settleLater(
  username: string,
  settlements: readonly Settlement[],
  options: SettleOptions,
  write: WriteBatch = writeBatch,
): Promise<void> {
  const key = `settle\u0000${username}\u0000${options.owners}\u0000${options.settleNow === true}`;
  return later(username, key, settlements, (items) => write(username, items, options));
}

/**
 * Queues entries recorded whole, outcome included (values written), for one statement with
 * those of every user in the window. `write` is for tests.
 */
export function recordLater(
  entry: NewEntry,
  write: (entries: readonly NewEntry[]) => Promise<unknown> = writeEntries,
): Promise<void> {
  return later(entry.username, "record", [entry], write);
}

const writeEntries = (entries: readonly NewEntry[]) =>
  withHistoryDb((db) => insertEntries(db, entries));

/** Writes the waiting batch now (a reader or the shutdown is waiting for it). */
export function flushSettlements(): void {
  const cycle = state.cycle;
  if (!cycle) return;
  state.cycle = undefined;
  clearTimeout(cycle.timer);
  // Issued together, so that they reach the database before any statement started after this
  // call (an intent's insert): the history's order is the order of the requests.
  const writes = [...cycle.batches.values()].map(({ items, write }) =>
    write(items).catch(() => undefined),
  );
  void Promise.all(writes).finally(cycle.finish);
}
