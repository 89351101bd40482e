/**
 * Retention: entries older than HISTORY_RETENTION_DAYS, and imports' snapshots older than 30
 * days, go at start-up and every hour after, and the embedded database is vacuumed after them.
 */
import "server-only";
import { logger } from "@/lib/server/logger";
import { pruneOlderThan } from "@/lib/api/history/entry-queries";
import { pruneImports } from "@/lib/api/imports/queries";
import { pruneCallWindows } from "@/lib/api/rate/call-budget";
import { database } from "@/lib/db/database";
import { vacuumEverything } from "@/lib/db/vacuum";
import { env } from "@/lib/env";

const PRUNE_EVERY_MS = 60 * 60 * 1000;

/** Called from instrumentation.ts once the database is open. */
export async function schedulePruning(): Promise<void> {
  const { db } = await database();
  const { historyRetentionDays } = env();
  // Never rejects: a failed prune is logged and tried again at the next interval.
  // With the history go the imports' snapshots older than 30 days and ended call windows; then
  // the embedded database is vacuumed (in the background: start-up does not wait for it).
  const prune = () =>
    Promise.all([pruneOlderThan(db, historyRetentionDays), pruneImports(db), pruneCallWindows(db)])
      .then(() => void vacuumEverything(db))
      .catch((error: unknown) => {
        logger.error(`history: pruning failed: ${(error as Error).message}`);
      });
  await prune();
  setInterval(() => void prune(), PRUNE_EVERY_MS).unref();
}
