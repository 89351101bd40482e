/**
 * How many calls to Exist one of our requests made, and how long they took: counted by the fetch
 * helper (lib/exist/http.ts) into the store of the request that is running, for its log line.
 * The store also holds the request's id, so that what the request records (its history entries)
 * carries the id its log line shows.
 */
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

export type ExistCallStats = {
  calls: number;
  /** Milliseconds spent waiting for Exist, summed over the calls (parallel calls overlap). */
  ms: number;
};

type RequestStore = ExistCallStats & { requestId: string | undefined };

const storage = new AsyncLocalStorage<RequestStore>();

/**
 * Runs `work`, counting every Exist call made on its behalf (a shared refresh counts once), as
 * the request `requestId`.
 */
export async function countExistCalls<T>(
  work: () => Promise<T>,
  requestId?: string,
): Promise<{ result: T; stats: ExistCallStats }> {
  const store: RequestStore = { calls: 0, ms: 0, requestId };
  const result = await storage.run(store, work);
  return { result, stats: { calls: store.calls, ms: store.ms } };
}

export function recordExistCall(ms: number): void {
  const stats = storage.getStore();
  if (!stats) return;
  stats.calls += 1;
  stats.ms += ms;
}

/** The id of the request running now; undefined outside one (a background job). */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
