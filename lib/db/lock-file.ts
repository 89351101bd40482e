/**
 * A lock file for the embedded database's folder. PGlite takes no lock of its own, and two
 * processes on one data folder corrupt it (electric-sql/pglite issues #1106, #327, #709).
 *
 * A pid alone cannot tell a live holder from a stale one: in containers every process is pid 1,
 * so a second container on the same volume would find "its own" pid in the file, or a pid that
 * means nothing in its namespace. The file says who holds it: host name, boot id and pid
 * namespace (together, where a pid means one process), pid and the process's start time, a
 * token of its own, and a heartbeat the holder rewrites every `heartbeatMs`.
 *
 * A process that finds the file judges it:
 * - written in its own pid namespace (same host, boot and namespace): held while that pid runs
 *   with the same start time; gone, or reused by another process, it is stale at once;
 * - written elsewhere (another container, another machine on a shared volume): stale when its
 *   heartbeat is older than `staleMs` (MISSED_BEATS beats); otherwise it watches the file, up to
 *   `staleMs` by its own clock (so clocks need not agree): a heartbeat that moves means a live
 *   holder, refused; one that does not move in that time is stale.
 * A stale file is taken over by renaming it away first, so that two processes cannot both take
 * it. The holder checks its file at every beat: taken over after all (it stalled for `staleMs`),
 * it calls `onLost` and stops.
 */
import { randomUUID } from "node:crypto";
import {
  linkSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { hostname } from "node:os";
import path from "node:path";

export class DataDirLockedError extends Error {
  override name = "DataDirLockedError";
}

export const HEARTBEAT_MS = 2_000;
/** Beats a holder may miss before its lock is stale. */
export const MISSED_BEATS = 5;

/** What the lock file holds. */
export type LockRecord = {
  pid: number;
  host: string;
  /** The kernel's boot id: a pid means nothing across reboots. */
  boot: string;
  /** The pid namespace (`/proc/self/ns/pid`): a pid means nothing outside it. */
  pidns: string;
  /** The process's start time (clock ticks since boot, /proc/<pid>/stat): tells a reused pid. */
  started: string;
  token: string;
  /** When the holder last rewrote the file (ms since the epoch, the holder's clock). */
  heartbeat: number;
};

export type LockOptions = {
  heartbeatMs?: number;
  staleMs?: number;
  /** The lock was taken over by another process: stop using the folder. */
  onLost?: (holder: LockRecord | undefined) => void;
};

function readText(file: string): string {
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    return "";
  }
}

function linkTarget(file: string): string {
  try {
    return readlinkSync(file);
  } catch {
    return "";
  }
}

/** Field 22 of /proc/<pid>/stat, or "" where there is no /proc. */
export function startTimeOf(pid: number): string {
  const stat = readText(`/proc/${pid}/stat`);
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? "";
}

/** This process, as a lock file names it (without token and heartbeat). */
export function ownIdentity(): Omit<LockRecord, "token" | "heartbeat"> {
  return {
    pid: process.pid,
    host: hostname(),
    boot: readText("/proc/sys/kernel/random/boot_id"),
    pidns: linkTarget("/proc/self/ns/pid"),
    started: startTimeOf(process.pid),
  };
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

/** The file's record; a bare pid is the format before heartbeats; undefined when unreadable. */
function parse(text: string): LockRecord | { pid: number; legacy: true } | undefined {
  if (/^\d+$/.test(text)) return { pid: Number(text), legacy: true };
  try {
    const record = JSON.parse(text) as LockRecord;
    return Number.isInteger(record.pid) && typeof record.token === "string" ? record : undefined;
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Verdict = { held: true; holder: string } | { held: false };

function whoHolds(record: LockRecord, now: number): string {
  const age = Math.max(0, Math.round((now - record.heartbeat) / 100) / 10);
  return `(pid ${record.pid}) on ${record.host || "an unknown host"}, alive ${age} s ago`;
}

/** Whether the lock in `text` is held by a live process, watching it when it must. */
async function judge(
  file: string,
  text: string,
  own: ReturnType<typeof ownIdentity>,
  staleMs: number,
  heartbeatMs: number,
): Promise<Verdict> {
  const record = parse(text);
  if (record === undefined) return { held: false };
  if ("legacy" in record) {
    const live = record.pid !== own.pid && isRunning(record.pid);
    return live ? { held: true, holder: `(pid ${record.pid})` } : { held: false };
  }
  const here = record.host === own.host && record.boot === own.boot && record.pidns === own.pidns;
  if (here) {
    // Within one pid namespace, a pid and its start time name one process.
    const live =
      isRunning(record.pid) &&
      (record.started === "" || startTimeOf(record.pid) === record.started);
    return live ? { held: true, holder: whoHolds(record, Date.now()) } : { held: false };
  }
  if (Date.now() - record.heartbeat > staleMs) return { held: false };
  const deadline = Date.now() + staleMs;
  while (Date.now() < deadline) {
    await sleep(Math.max(10, Math.round(heartbeatMs / 4)));
    const now = readText(file);
    // Rewritten (a beat), replaced or removed: judged again by the caller.
    if (now !== text) {
      const beat = parse(now);
      if (beat && !("legacy" in beat) && beat.token === record.token) {
        return { held: true, holder: whoHolds(beat, Date.now()) };
      }
      return judge(file, now, own, staleMs, heartbeatMs);
    }
  }
  return { held: false };
}

/**
 * Takes `<folder>/.lock` for this process, keeps its heartbeat, and resolves with its release.
 * Rejects with DataDirLockedError naming the holder.
 */
export async function lockDataDir(folder: string, options: LockOptions = {}): Promise<() => void> {
  const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
  const staleMs = options.staleMs ?? heartbeatMs * MISSED_BEATS;
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, ".lock");
  const own = ownIdentity();
  const token = randomUUID();
  const record = (): LockRecord => ({ ...own, token, heartbeat: Date.now() });

  const temporary = `${file}.${token}`;
  for (let attempt = 0; attempt < 5; attempt++) {
    // Written aside, then linked in place (which fails when a lock is there): whoever reads the
    // lock file finds it whole.
    writeFileSync(temporary, JSON.stringify(record()));
    try {
      linkSync(temporary, file);
      return holdLock(file, token, record, heartbeatMs, options.onLost);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      rmSync(temporary, { force: true });
    }
    const text = readText(file);
    const verdict = await judge(file, text, own, staleMs, heartbeatMs);
    if (verdict.held) {
      throw new DataDirLockedError(
        `The embedded database in ${path.resolve(folder)} is in use by another process ` +
          `${verdict.holder}. Stop that process, or give this one its own DATA_DIR, or set ` +
          `DATABASE_URL to share a PostgreSQL server between instances. The embedded ` +
          `database allows one instance: replace it (stop, then start), never run two at once.`,
      );
    }
    takeOver(file, text, token);
  }
  throw new DataDirLockedError(`Could not take the lock file ${file}.`);
}

/**
 * Moves the stale file away, unless it changed since it was judged (a beat after all, or
 * another process's new lock), in which case it is put back for the next judgement.
 */
function takeOver(file: string, judged: string, token: string): void {
  const aside = `${file}.stale-${token}`;
  try {
    renameSync(file, aside);
  } catch {
    return; // already moved by another process: judged again
  }
  if (readText(aside) !== judged) {
    try {
      linkSync(aside, file);
    } catch {
      // a newer lock is there already
    }
  }
  rmSync(aside, { force: true });
}

function holdLock(
  file: string,
  token: string,
  record: () => LockRecord,
  heartbeatMs: number,
  onLost: LockOptions["onLost"],
): () => void {
  const temporary = `${file}.${token}`;
  const ours = () => {
    const current = parse(readText(file));
    return current && !("legacy" in current) && current.token === token;
  };
  const beat = setInterval(() => {
    if (!ours()) {
      clearInterval(beat);
      const current = parse(readText(file));
      onLost?.(current && !("legacy" in current) ? current : undefined);
      return;
    }
    // Written aside, then renamed: a reader never sees half a file.
    try {
      writeFileSync(temporary, JSON.stringify(record()));
      renameSync(temporary, file);
    } catch {
      // the folder is gone or read-only for a moment: the next beat tries again
    }
  }, heartbeatMs);
  beat.unref();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    clearInterval(beat);
    if (ours()) rmSync(file, { force: true });
  };
}
