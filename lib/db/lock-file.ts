/**
 * A lock file for the embedded database's folder. PGlite takes no lock of its own, and two
 * processes on one data folder corrupt it (electric-sql/pglite issues #1106, #327, #709).
 * The file holds the owner's pid; a file whose process is gone is stale and taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";

export class DataDirLockedError extends Error {
  override name = "DataDirLockedError";
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readPid(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, "utf8").trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Takes `<folder>/.lock` for this process; throws DataDirLockedError naming the holder. */
export function lockDataDir(folder: string): () => void {
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, ".lock");
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        if (readPid(file) === process.pid) rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = readPid(file);
    if (holder !== undefined && holder !== process.pid && isRunning(holder)) {
      throw new DataDirLockedError(
        `The embedded database in ${path.resolve(folder)} is in use by another process ` +
          `(pid ${holder}). Stop that process, or give this one its own DATA_DIR, or set ` +
          `DATABASE_URL to share a PostgreSQL server between instances.`,
      );
    }
    // Stale (its process is gone, or it is unreadable): take it over.
    rmSync(file, { force: true });
  }
  throw new DataDirLockedError(`Could not take the lock file ${file}.`);
}
