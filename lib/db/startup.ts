/** Start-up of the database, called from instrumentation.ts: open and migrate, or stop. */
import "server-only";
import { logger } from "@/lib/server/logger";
import { env } from "@/lib/env";
import { database, DatabaseStartError } from "@/lib/db/database";
import { DataDirLockedError } from "@/lib/db/lock-file";

export async function openAtStartup(): Promise<void> {
  try {
    await database();
  } catch (error) {
    logger.error(`Cannot start: ${startErrorMessage(error)}`);
    process.exit(1);
  }
}

function startErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // These already name DATABASE_URL or the data folder (and an EnvError names its variable).
  if (error instanceof DatabaseStartError || error instanceof DataDirLockedError) return message;
  if (error instanceof Error && error.name === "EnvError") return message;
  return `the embedded database in DATA_DIR (${env().dataDir}) cannot be opened: ${message}`;
}
