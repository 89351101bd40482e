import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DataDirLockedError, lockDataDir } from "@/lib/db/lock-file";

describe("the embedded database's lock file", () => {
  it("stops a second holder with a message naming the folder and the pid", () => {
    const folder = mkdtempSync(path.join(tmpdir(), "history-lock-"));
    // Our parent process is alive and is not us: it stands in for another app process.
    writeFileSync(path.join(folder, ".lock"), String(process.ppid));
    expect(() => lockDataDir(folder)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(folder)).toThrow(new RegExp(`${folder}.*pid ${process.ppid}`));
    rmSync(folder, { recursive: true, force: true });
  });

  it("takes over a lock file whose process is gone", () => {
    const folder = mkdtempSync(path.join(tmpdir(), "history-lock-"));
    writeFileSync(path.join(folder, ".lock"), "999999999");
    const release = lockDataDir(folder);
    expect(readFileSync(path.join(folder, ".lock"), "utf8")).toBe(String(process.pid));
    release();
    expect(existsSync(path.join(folder, ".lock"))).toBe(false);
    rmSync(folder, { recursive: true, force: true });
  });
});
