/**
 * How many calls to Exist one of our requests made, and how long they took: counted by the fetch
 * helper (lib/exist/http.ts) into the store of the request that is running, for its log line.
 */
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

export type ExistCallStats = {
  calls: number;
  /** Milliseconds spent waiting for Exist, summed over the calls (parallel calls overlap). */
  ms: number;
};

const storage = new AsyncLocalStorage<ExistCallStats>();

/** Runs `work`, counting every Exist call made on its behalf (a shared refresh counts once). */
export async function countExistCalls<T>(
  work: () => Promise<T>,
): Promise<{ result: T; stats: ExistCallStats }> {
  const stats: ExistCallStats = { calls: 0, ms: 0 };
  const result = await storage.run(stats, work);
  return { result, stats };
}

export function recordExistCall(ms: number): void {
  const stats = storage.getStore();
  if (!stats) return;
  stats.calls += 1;
  stats.ms += ms;
}
