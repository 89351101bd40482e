/** Start-up of the database, called from instrumentation.ts: open, migrate, schedule pruning. */
import "server-only";
import { env } from "@/lib/env";
import { database, DatabaseStartError } from "@/lib/db/database";
import { DataDirLockedError } from "@/lib/db/lock-file";
import { pruneOlderThan } from "@/lib/api/history/queries";

const PRUNE_EVERY_MS = 60 * 60 * 1000;

export async function openAtStartup(): Promise<void> {
  let opened;
  try {
    opened = await database();
  } catch (error) {
    console.error(`Cannot start: ${startErrorMessage(error)}`);
    process.exit(1);
  }
  const { historyRetentionDays } = env();
  const prune = () =>
    pruneOlderThan(opened.db, historyRetentionDays).catch((error: unknown) => {
      console.error(`history: pruning failed: ${(error as Error).message}`);
    });
  await prune();
  setInterval(prune, PRUNE_EVERY_MS).unref();
}

function startErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // These already name DATABASE_URL or the data folder (and an EnvError names its variable).
  if (error instanceof DatabaseStartError || error instanceof DataDirLockedError) return message;
  if (error instanceof Error && error.name === "EnvError") return message;
  return `the embedded database in DATA_DIR (${env().dataDir}) cannot be opened: ${message}`;
}
