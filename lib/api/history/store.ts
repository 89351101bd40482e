/**
 * The database as the history sees it: history is a convenience, never a reason to fail a request.
 * When the database cannot be reached, callers get `undefined`, the server logs one line per
 * outage (not one per request), and ownership changes go on against Exist.
 */
import "server-only";
import { logger } from "@/lib/server/logger";
import { database, type Db } from "@/lib/db/database";

type Health = { failing: boolean };
const health = ((globalThis as typeof globalThis & { __historyHealth?: Health }).__historyHealth ??=
  { failing: false });

function noteFailure(error: unknown): void {
  if (health.failing) return;
  health.failing = true;
  const reason = error instanceof Error ? error.message : String(error);
  logger.error(
    `history: database unavailable, history is not recorded until it is back (${reason})`,
  );
}

/** Runs `work` on the database; `undefined` (and one log line per outage) when it fails. */
export async function withHistoryDb<T>(work: (db: Db) => Promise<T>): Promise<T | undefined> {
  try {
    const { db } = await database();
    const result = await work(db);
    if (health.failing) {
      health.failing = false;
      logger.info("history: database reachable again");
    }
    return result;
  } catch (error) {
    noteFailure(error);
    return undefined;
  }
}

/**
 * Writes that run after the answer was sent (the embedded database's outcome writes), per user.
 * Reads of a user's history wait for that user's writes first, so a page never misses them.
 */
const pending = ((
  globalThis as typeof globalThis & { __historyPending?: Map<string, Set<Promise<unknown>>> }
).__historyPending ??= new Map());

export function inBackground(username: string, write: Promise<unknown>): void {
  const writes = pending.get(username) ?? new Set();
  pending.set(username, writes);
  const tracked = write.finally(() => {
    writes.delete(tracked);
    if (writes.size === 0) pending.delete(username);
  });
  writes.add(tracked);
}

/** Called before anyone waits for the writes: a write held back for a group (settle-later.ts) goes now. */
const waitHooks = ((
  globalThis as typeof globalThis & { __historyWaitHooks?: Set<() => void> }
).__historyWaitHooks ??= new Set());

export function onWait(hook: () => void): void {
  waitHooks.add(hook);
}

const flushHeld = () => {
  for (const hook of waitHooks) hook();
};

export async function writesDone(username: string): Promise<void> {
  flushHeld();
  const writes = pending.get(username);
  if (writes) await Promise.allSettled([...writes]);
}

/** Every user's writes still running after their answers: a shutdown waits for them. */
export async function allWritesDone(): Promise<void> {
  flushHeld();
  await Promise.allSettled([...pending.values()].flatMap((writes) => [...writes]));
}
