/**
 * The call count against the embedded PGlite always, and against the PostgreSQL server named by
 * TEST_DATABASE_URL when it is set (CI sets it), where two connection pools stand for two
 * instances of the app racing for one window.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/lib/db/database";
import { existCallWindows } from "@/lib/db/schema";
import {
  markWindowSpent,
  pruneCallWindows,
  readCallWindow,
  recordOwnCalls,
  reserveImportCalls,
} from "@/lib/api/rate/call-budget";
import { windowAt, type CallLimits } from "@/lib/api/rate/window";

const LIMITS: CallLimits = { limit: 30, windowSeconds: 3600, importShare: 20 };
/** 10:37:12 UTC: in the window 10:00 to 11:00. */
const NOW = new Date("2031-03-04T10:37:12.345Z");
const TEN = new Date("2031-03-04T10:00:00Z");
const ELEVEN = new Date("2031-03-04T11:00:00Z");
const at = (now: Date, limits = LIMITS) => ({ now, limits });

describe("windowAt", () => {
  it("aligns windows to the clock: floor(epoch seconds / W) × W", () => {
    expect(windowAt(NOW, 3600)).toEqual({ start: TEN, end: ELEVEN });
    expect(windowAt(TEN, 3600)).toEqual({ start: TEN, end: ELEVEN });
    expect(windowAt(new Date(ELEVEN.getTime() - 1), 3600).end).toEqual(ELEVEN);
    expect(windowAt(NOW, 60)).toEqual({
      start: new Date("2031-03-04T10:37:00Z"),
      end: new Date("2031-03-04T10:38:00Z"),
    });
    // 7 s windows are multiples of 7 s since the epoch, not of the minute.
    const start = windowAt(NOW, 7).start.getTime() / 1000;
    expect(start % 7).toBe(0);
    expect(NOW.getTime() / 1000 - start).toBeLessThan(7);
  });
});

const serverUrl = process.env.TEST_DATABASE_URL;
const targets: Array<[string, () => { databaseUrl?: string; dataDir: string }]> = [
  ["PGlite", () => ({ dataDir: mkdtempSync(path.join(tmpdir(), "call-budget-db-")) })],
];
if (serverUrl) targets.push(["PostgreSQL server", () => ({ databaseUrl: serverUrl, dataDir: "" })]);
else if (process.env.CI) throw new Error("CI must set TEST_DATABASE_URL for the storage tests");

describe.each(targets)("call budget on %s", (name, options) => {
  let database: Database;
  let dataDir = "";
  let users = 0;
  // A user name of its own per test, so runs against a shared server do not see each other.
  const newUser = () => `calls-${process.pid}-${Date.now()}-${(users += 1)}`;
  const made: string[] = [];
  const user = () => {
    const username = newUser();
    made.push(username);
    return username;
  };

  beforeAll(async () => {
    const opened = options();
    dataDir = opened.dataDir;
    database = await openDatabase(opened);
  }, 240_000);

  afterAll(async () => {
    for (const username of made) {
      await database.db.delete(existCallWindows).where(eq(existCallWindows.username, username));
    }
    await database.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("lets an import take its share of a window, then says to wait for the next", async () => {
    const { db } = database;
    const alice = user();
    expect(await reserveImportCalls(db, alice, 15, at(NOW))).toEqual({
      allowed: true,
      windowStart: TEN,
      calls: 15,
      importCalls: 15,
    });
    expect(await reserveImportCalls(db, alice, 5, at(NOW))).toMatchObject({
      allowed: true,
      importCalls: 20,
    });
    expect(await reserveImportCalls(db, alice, 1, at(NOW))).toEqual({
      allowed: false,
      retryAt: ELEVEN,
    });
    expect(await readCallWindow(db, alice, at(NOW))).toEqual({
      windowStart: TEN,
      resetsAt: ELEVEN,
      calls: 20,
      importCalls: 20,
      spent: false,
      importRoom: 0,
    });
    // At 11:00 a new window starts with the whole share.
    expect(await reserveImportCalls(db, alice, 20, at(ELEVEN))).toMatchObject({
      allowed: true,
      windowStart: ELEVEN,
      importCalls: 20,
    });
  });

  it("refuses a reservation that does not fit whole, and reserves none of it", async () => {
    const { db } = database;
    const alice = user();
    await reserveImportCalls(db, alice, 18, at(NOW));
    expect(await reserveImportCalls(db, alice, 3, at(NOW))).toEqual({
      allowed: false,
      retryAt: ELEVEN,
    });
    expect(await reserveImportCalls(db, alice, 2, at(NOW))).toMatchObject({ importCalls: 20 });
  });

  it("counts the person's own calls, never refusing them, and gives the import what is left", async () => {
    const { db } = database;
    const alice = user();
    await recordOwnCalls(db, alice, 25, at(NOW));
    expect((await readCallWindow(db, alice, at(NOW))).importRoom).toBe(5);
    expect(await reserveImportCalls(db, alice, 5, at(NOW))).toMatchObject({
      calls: 30,
      importCalls: 5,
    });
    expect(await reserveImportCalls(db, alice, 1, at(NOW))).toEqual({
      allowed: false,
      retryAt: ELEVEN,
    });
    // Own use past the limit is still counted: Exist, not this app, refuses it.
    await recordOwnCalls(db, alice, 4, at(NOW));
    expect(await readCallWindow(db, alice, at(NOW))).toMatchObject({ calls: 34, importRoom: 0 });
  });

  it("keeps the rest of the window for the person's own use while an import runs", async () => {
    const { db } = database;
    const alice = user();
    await reserveImportCalls(db, alice, 20, at(NOW));
    await recordOwnCalls(db, alice, 10, at(NOW));
    expect(await readCallWindow(db, alice, at(NOW))).toMatchObject({
      calls: LIMITS.limit,
      importCalls: LIMITS.importShare,
    });
  });

  it("treats a 429 from Exist as the window spent until the next one", async () => {
    const { db } = database;
    const alice = user();
    await reserveImportCalls(db, alice, 3, at(NOW));
    expect(await markWindowSpent(db, alice, at(NOW))).toEqual(ELEVEN);
    expect(await reserveImportCalls(db, alice, 1, at(NOW))).toEqual({
      allowed: false,
      retryAt: ELEVEN,
    });
    expect(await readCallWindow(db, alice, at(NOW))).toMatchObject({ spent: true, importRoom: 0 });
    // A 429 in a window the app had not counted yet (calls made elsewhere with the token).
    const bob = user();
    await markWindowSpent(db, bob, at(NOW));
    expect(await reserveImportCalls(db, bob, 1, at(NOW))).toMatchObject({ allowed: false });
    expect(await reserveImportCalls(db, bob, 1, at(ELEVEN))).toMatchObject({ allowed: true });
  });

  it("counts each user apart", async () => {
    const { db } = database;
    const [alice, bob] = [user(), user()];
    await reserveImportCalls(db, alice, 20, at(NOW));
    expect(await reserveImportCalls(db, bob, 20, at(NOW))).toMatchObject({ allowed: true });
  });

  it("takes 1 to the share's calls at a time", async () => {
    const { db } = database;
    for (const count of [0, 21, 1.5]) {
      await expect(reserveImportCalls(db, user(), count, at(NOW))).rejects.toThrow(
        "An import reserves 1 to 20 calls at a time",
      );
    }
  });

  it("never grants more than the share to reservations made at once", async () => {
    const alice = user();
    // On a server, a second pool stands for a second instance of the app.
    const second = name === "PGlite" ? database : await openDatabase(options());
    try {
      const results = await Promise.all(
        Array.from({ length: 60 }, (_, index) =>
          reserveImportCalls((index % 2 ? second : database).db, alice, 1, at(NOW)),
        ),
      );
      expect(results.filter((result) => result.allowed)).toHaveLength(LIMITS.importShare);
      const counts = results.flatMap((result) => (result.allowed ? [result.importCalls] : []));
      expect(new Set(counts).size).toBe(LIMITS.importShare);
      expect(await readCallWindow(database.db, alice, at(NOW))).toMatchObject({
        calls: LIMITS.importShare,
        importCalls: LIMITS.importShare,
      });
    } finally {
      if (second !== database) await second.close();
    }
  }, 30_000);

  it("deletes the counts of windows that have ended", async () => {
    const { db } = database;
    const alice = user();
    await reserveImportCalls(db, alice, 1, at(NOW));
    await reserveImportCalls(db, alice, 1, at(ELEVEN));
    expect(await pruneCallWindows(db, at(ELEVEN))).toBeGreaterThanOrEqual(1);
    const left = await db
      .select({ windowStart: existCallWindows.windowStart })
      .from(existCallWindows)
      .where(eq(existCallWindows.username, alice));
    expect(left).toEqual([{ windowStart: ELEVEN }]);
  });
});
