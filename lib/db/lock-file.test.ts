import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DataDirLockedError, lockDataDir, ownIdentity, type LockRecord } from "@/lib/db/lock-file";

/** Short beats, so that staleness takes a fraction of a second here. */
const FAST = { heartbeatMs: 50, staleMs: 400 };

const folders: string[] = [];
const children: ChildProcess[] = [];
const timers: NodeJS.Timeout[] = [];

afterEach(() => {
  for (const timer of timers.splice(0)) clearInterval(timer);
  for (const child of children.splice(0)) child.kill("SIGKILL");
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function folder(): string {
  const made = mkdtempSync(path.join(tmpdir(), "history-lock-"));
  folders.push(made);
  return made;
}

const lockFile = (dir: string) => path.join(dir, ".lock");
const readLock = (dir: string) => JSON.parse(readFileSync(lockFile(dir), "utf8")) as LockRecord;

/**
 * A lock written as another process would write it, rewritten every `beatMs` (a live holder)
 * until the returned function stops it (the holder gone).
 */
function foreignLock(dir: string, record: Partial<LockRecord>, beatMs?: number): () => void {
  const write = () =>
    writeFileSync(
      lockFile(dir),
      JSON.stringify({
        ...ownIdentity(),
        token: "the-neighbour",
        heartbeat: Date.now(),
        ...record,
      }),
    );
  write();
  if (beatMs === undefined) return () => {};
  const timer = setInterval(write, beatMs);
  timers.push(timer);
  return () => clearInterval(timer);
}

/** Another Node process holding the lock on `dir`, with its heartbeat; resolves once it holds. */
async function holderProcess(dir: string): Promise<ChildProcess> {
  const code = `
    import(${JSON.stringify(path.resolve("lib/db/lock-file.ts"))})
      .then(({ lockDataDir }) => lockDataDir(${JSON.stringify(dir)}, { heartbeatMs: 50 }))
      .then(() => { console.log("locked"); setInterval(() => {}, 1000); });`;
  const child = spawn(process.execPath, ["--import", "tsx", "-e", code], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("locked")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`the holder exited (${code})`)));
  });
  return child;
}

describe("the embedded database's lock file", () => {
  it("refuses a second process while the first lives, and lets it in once the first is gone", async () => {
    const dir = folder();
    const first = await holderProcess(dir);
    await expect(lockDataDir(dir, FAST)).rejects.toThrow(DataDirLockedError);
    await expect(lockDataDir(dir, FAST)).rejects.toThrow(
      new RegExp(`${dir} is in use by another process \\(pid ${first.pid}\\)`),
    );

    first.kill("SIGKILL");
    await new Promise((resolve) => first.once("exit", resolve));
    // Its file is still there, but its pid is gone (same pid namespace): taken over at once.
    expect(readLock(dir).pid).toBe(first.pid);
    const release = await lockDataDir(dir, FAST);
    expect(readLock(dir)).toMatchObject({ pid: process.pid });
    release();
    expect(existsSync(lockFile(dir))).toBe(false);
  }, 30_000);

  it("refuses a container neighbour's lock though it names this very pid, while it beats", async () => {
    const dir = folder();
    // Another container: pid 1 there too (here: this pid), its own pid namespace and start.
    const stop = foreignLock(
      dir,
      { pid: process.pid, pidns: "pid:[4026531111]", started: "12345" },
      FAST.heartbeatMs,
    );
    await expect(lockDataDir(dir, FAST)).rejects.toThrow(
      new RegExp(`in use by another process \\(pid ${process.pid}\\)`),
    );

    // The neighbour stops beating: after `staleMs` without a beat, the lock is taken over.
    stop();
    const started = Date.now();
    const release = await lockDataDir(dir, FAST);
    expect(Date.now() - started).toBeGreaterThanOrEqual(FAST.staleMs - 100);
    expect(readLock(dir).token).not.toBe("the-neighbour");
    release();
  });

  it("takes over at once a neighbour's lock whose heartbeat is already stale", async () => {
    const dir = folder();
    foreignLock(dir, { pidns: "pid:[4026531111]", heartbeat: Date.now() - 10 * FAST.staleMs });
    const started = Date.now();
    const release = await lockDataDir(dir, FAST);
    expect(Date.now() - started).toBeLessThan(FAST.staleMs);
    release();
  });

  it("takes over at once a lock of this pid namespace whose pid now runs another process", async () => {
    const dir = folder();
    // This pid, but another start time: the holder is gone and its pid was reused (by us).
    foreignLock(dir, { started: "1" }, FAST.heartbeatMs);
    const started = Date.now();
    const release = await lockDataDir(dir, FAST);
    expect(Date.now() - started).toBeLessThan(FAST.staleMs);
    release();
  });

  it("refuses a second lock in the same process", async () => {
    const dir = folder();
    const release = await lockDataDir(dir, FAST);
    await expect(lockDataDir(dir, FAST)).rejects.toThrow(DataDirLockedError);
    release();
  });

  it("beats while held, and tells its holder when another process took it", async () => {
    const dir = folder();
    const onLost = vi.fn();
    const release = await lockDataDir(dir, { ...FAST, onLost });
    const first = readLock(dir).heartbeat;
    await new Promise((resolve) => setTimeout(resolve, FAST.heartbeatMs * 3));
    expect(readLock(dir).heartbeat).toBeGreaterThan(first);

    foreignLock(dir, { pid: 424242, host: "elsewhere" });
    await vi.waitFor(() => expect(onLost).toHaveBeenCalled());
    expect(onLost.mock.calls[0]?.[0]).toMatchObject({ pid: 424242, host: "elsewhere" });
    // Released, it leaves the other process's file alone.
    release();
    expect(readLock(dir).pid).toBe(424242);
  });

  it("reads a lock of the format before heartbeats: a bare pid", async () => {
    const dir = folder();
    // Our parent process is alive and is not us: it stands in for another app process.
    writeFileSync(lockFile(dir), String(process.ppid));
    await expect(lockDataDir(dir, FAST)).rejects.toThrow(`(pid ${process.ppid})`);
    writeFileSync(lockFile(dir), "999999999");
    const release = await lockDataDir(dir, FAST);
    expect(readLock(dir).pid).toBe(process.pid);
    release();
  });
});
