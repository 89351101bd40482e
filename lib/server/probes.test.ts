import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openDatabase, type Database } from "@/lib/db/database";
import { pingDatabase, readiness } from "@/lib/server/probes";
import { beginShutdown } from "@/lib/server/shutdown";

const registry = globalThis as typeof globalThis & { __shutdown?: { stopping: boolean } };

// The shutdown state lives on globalThis (lib/server/shutdown.ts): each test starts serving.
afterEach(() => {
  if (registry.__shutdown) registry.__shutdown.stopping = false;
});

/** A database whose `select 1` does what `execute` does. */
const fakeDatabase = (execute: () => Promise<unknown>) => async () =>
  ({ db: { execute } }) as unknown as Database;

describe("pingDatabase", () => {
  it("is up on the embedded database, down once it is closed", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "probe-"));
    const opened = await openDatabase({ dataDir });
    try {
      expect(await pingDatabase(async () => opened)).toBe("up");
    } finally {
      await opened.close();
    }
    expect(await pingDatabase(async () => opened)).toBe("down");
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it("is down when the database fails to open or to answer", async () => {
    expect(await pingDatabase(() => Promise.reject(new Error("ECONNREFUSED")))).toBe("down");
    expect(await pingDatabase(fakeDatabase(() => Promise.reject(new Error("gone"))))).toBe("down");
  });

  it("is down after the timeout when the database does not answer, one ping for all", async () => {
    const execute = vi.fn(() => new Promise(() => {}));
    const started = Date.now();
    const states = await Promise.all([
      pingDatabase(fakeDatabase(execute), 100),
      pingDatabase(fakeDatabase(execute), 100),
    ]);
    expect(states).toEqual(["down", "down"]);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(execute).toHaveBeenCalledTimes(1);
  });
});

describe("readiness", () => {
  it("is 200 with the database's state, down included", async () => {
    expect(
      await readiness(
        async () => "down",
        () => "server",
      ),
    ).toEqual({
      status: 200,
      body: { status: "ready", database: { kind: "server", state: "down" } },
    });
  });

  it("is 503 from the moment shutdown begins, without asking the database", async () => {
    const ping = vi.fn(async () => "up" as const);
    beginShutdown();
    expect(await readiness(ping, () => "embedded")).toEqual({
      status: 503,
      body: { status: "stopping" },
    });
    expect(ping).not.toHaveBeenCalled();
  });

  it("is 503 when shutdown begins while the database is being asked", async () => {
    const ping = async () => {
      beginShutdown();
      return "up" as const;
    };
    expect((await readiness(ping, () => "embedded")).status).toBe(503);
  });
});
