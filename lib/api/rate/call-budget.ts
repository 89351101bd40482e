/**
 * Calls to Exist counted per user and window in the database, so every instance sharing it
 * sees one count. An import reserves its calls before making them, in one statement (an upsert
 * whose update only happens while the window has room), so concurrent reservations never take
 * more than the share; the person's own calls are recorded, never refused, and shrink what is
 * left for the import. Counted per username: the session and an import share one token lineage
 * (each refresh replaces the pair), and Exist's limit is per token.
 */
import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/database";
import { existCallWindows } from "@/lib/db/schema";
import { configuredLimits, windowAt, type CallLimits } from "@/lib/api/rate/window";

export type Reservation =
  | { allowed: true; windowStart: Date; calls: number; importCalls: number }
  /** Nothing reserved: try again at `retryAt`, the next window's start. */
  | { allowed: false; retryAt: Date };

export type CallWindowState = {
  windowStart: Date;
  resetsAt: Date;
  calls: number;
  importCalls: number;
  /** Exist answered 429 in this window. */
  spent: boolean;
  /** Calls the import may still make in this window. */
  importRoom: number;
};

type When = { now?: Date; limits?: CallLimits };

function resolve({ now = new Date(), limits = configuredLimits() }: When) {
  return { limits, window: windowAt(now, limits.windowSeconds) };
}

/** Reserves `count` calls of the current window for an import, if its share and the limit allow. */
export async function reserveImportCalls(
  db: Db,
  username: string,
  count: number,
  when: When = {},
): Promise<Reservation> {
  const { limits, window } = resolve(when);
  if (!Number.isInteger(count) || count < 1 || count > limits.importShare) {
    throw new RangeError(`An import reserves 1 to ${limits.importShare} calls at a time`);
  }
  const t = existCallWindows;
  const [row] = await db
    .insert(t)
    .values({ username, windowStart: window.start, calls: count, importCalls: count })
    .onConflictDoUpdate({
      target: [t.username, t.windowStart],
      set: {
        calls: sql`${t.calls} + excluded.calls`,
        importCalls: sql`${t.importCalls} + excluded.import_calls`,
      },
      // Checked on the locked row: a concurrent reservation waits, then sees this one's count.
      setWhere: sql`not ${t.spent}
        and ${t.importCalls} + excluded.import_calls <= ${limits.importShare}
        and ${t.calls} + excluded.calls <= ${limits.limit}`,
    })
    .returning({ calls: t.calls, importCalls: t.importCalls });
  if (!row) return { allowed: false, retryAt: window.end };
  return { allowed: true, windowStart: window.start, ...row };
}

/** Counts calls made for the person's own use of the app (never refused: Exist decides). */
export async function recordOwnCalls(
  db: Db,
  username: string,
  count: number,
  when: When = {},
): Promise<void> {
  if (count <= 0) return;
  const { window } = resolve(when);
  const t = existCallWindows;
  await db
    .insert(t)
    .values({ username, windowStart: window.start, calls: count })
    .onConflictDoUpdate({
      target: [t.username, t.windowStart],
      set: { calls: sql`${t.calls} + excluded.calls` },
    });
}

/** Exist answered 429: the window is spent, whatever the count says. Returns when it resets. */
export async function markWindowSpent(db: Db, username: string, when: When = {}): Promise<Date> {
  const { window } = resolve(when);
  const t = existCallWindows;
  await db
    .insert(t)
    .values({ username, windowStart: window.start, spent: true })
    .onConflictDoUpdate({ target: [t.username, t.windowStart], set: { spent: true } });
  return window.end;
}

/** The current window's count, for progress ("waiting for Exist's limit until 19:00"). */
export async function readCallWindow(
  db: Db,
  username: string,
  when: When = {},
): Promise<CallWindowState> {
  const { limits, window } = resolve(when);
  const t = existCallWindows;
  const [row] = await db
    .select({ calls: t.calls, importCalls: t.importCalls, spent: t.spent })
    .from(t)
    .where(and(eq(t.username, username), eq(t.windowStart, window.start)));
  const { calls = 0, importCalls = 0, spent = false } = row ?? {};
  const importRoom = spent
    ? 0
    : Math.max(0, Math.min(limits.importShare - importCalls, limits.limit - calls));
  return { windowStart: window.start, resetsAt: window.end, calls, importCalls, spent, importRoom };
}

/** Deletes the counts of windows that have ended; returns how many. */
export async function pruneCallWindows(db: Db, when: When = {}): Promise<number> {
  const { window } = resolve(when);
  const deleted = await db
    .delete(existCallWindows)
    .where(lt(existCallWindows.windowStart, window.start))
    .returning({ username: existCallWindows.username });
  return deleted.length;
}
