/**
 * The person's own calls to Exist, counted in the call windows after each request that made
 * any (one upsert per request), so an import leaves them their part of the limit.
 */
import "server-only";
import { withHistoryDb } from "@/lib/api/history/store";
import { recordOwnCalls } from "@/lib/api/rate/call-budget";

/** Not awaited: counting never holds up or fails the request it counts. */
export function countOwnCalls(username: string, calls: number): void {
  void withHistoryDb((db) => recordOwnCalls(db, username, calls));
}
