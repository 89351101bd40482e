/**
 * The person's own calls to Exist, counted in the call windows so an import leaves them their
 * part of the limit. Counted in memory and written once a second per person (one upsert for
 * all the requests of that second, not one each: on the embedded database every statement costs
 * the server's thread 1–3 ms). An import flushes its person's count before it reserves calls;
 * a read of the history and the shutdown flush every count.
 */
import "server-only";
import { inBackground, onWait, withHistoryDb } from "@/lib/api/history/store";
import { recordOwnCalls } from "@/lib/api/rate/call-budget";
import { configuredLimits, windowAt } from "@/lib/api/rate/window";

export const OWN_CALLS_FLUSH_MS = 1_000;

/** Calls not yet written, per person, all in the window that starts at `windowStart`. */
type Held = { calls: number; at: Date; windowStart: number };
type State = { held: Map<string, Held>; timer?: ReturnType<typeof setTimeout>; hooked?: boolean };

const registry = globalThis as typeof globalThis & { __ownCalls?: State };
const state: State = (registry.__ownCalls ??= { held: new Map() });

/** Not awaited by anyone: counting never holds up or fails the request it counts. */
export function countOwnCalls(username: string, calls: number, now = new Date()): void {
  if (calls <= 0) return;
  if (!state.hooked) {
    state.hooked = true;
    onWait(() => void flushOwnCalls());
  }
  const windowStart = windowAt(now, configuredLimits().windowSeconds).start.getTime();
  const held = state.held.get(username);
  // A new window: what the last one counted is written to the last one.
  if (held && held.windowStart !== windowStart) void flushOwnCalls(username);
  const current = state.held.get(username);
  if (current) current.calls += calls;
  else state.held.set(username, { calls, at: now, windowStart });
  state.timer ??= setTimeout(() => void flushOwnCalls(), OWN_CALLS_FLUSH_MS);
}

/** Writes the held counts (of one person, or everyone's) now; resolves once written. */
export async function flushOwnCalls(username?: string): Promise<void> {
  const names = username === undefined ? [...state.held.keys()] : [username];
  if (username === undefined && state.timer) {
    clearTimeout(state.timer);
    state.timer = undefined;
  }
  const writes = names.flatMap((name) => {
    const held = state.held.get(name);
    if (!held) return [];
    state.held.delete(name);
    const write = withHistoryDb((db) => recordOwnCalls(db, name, held.calls, { now: held.at }));
    inBackground(name, write);
    return [write];
  });
  await Promise.all(writes);
}
