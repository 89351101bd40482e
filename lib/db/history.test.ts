/**
 * The storage layer against the embedded PGlite always, and against the PostgreSQL server named
 * by TEST_DATABASE_URL when it is set (CI sets it): the same migrations and queries on both.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/lib/db/database";
import {
  deleteUser,
  dismissThrough,
  insertIntents,
  insertObserved,
  listEntries,
  lockUserState,
  pruneOlderThan,
  settleEntries,
  undismissedObserved,
  upsertOwners,
} from "@/lib/db/history";
import { DataDirLockedError, lockDataDir } from "@/lib/db/lock-file";
import { MIGRATIONS } from "@/lib/db/migrate";

const serverUrl = process.env.TEST_DATABASE_URL;
const targets: Array<[string, () => { databaseUrl?: string; dataDir: string }]> = [
  ["PGlite", () => ({ dataDir: mkdtempSync(path.join(tmpdir(), "history-db-")) })],
];
if (serverUrl) targets.push(["PostgreSQL server", () => ({ databaseUrl: serverUrl, dataDir: "" })]);
else if (process.env.CI) throw new Error("CI must set TEST_DATABASE_URL for the storage tests");

describe.each(targets)("history storage on %s", (_name, options) => {
  let database: Database;
  let dataDir = "";
  // A user name of its own per run, so runs against a shared server do not see each other.
  const user = `user-${process.pid}-${Date.now()}`;

  beforeAll(async () => {
    const opened = options();
    dataDir = opened.dataDir;
    database = await openDatabase(opened);
    // A new PGlite folder runs initdb: seconds alone, minutes on a busy 2-core machine.
  }, 240_000);

  afterAll(async () => {
    await deleteUser(database.db, user);
    await database.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("records an intent with the last-seen owner, then its outcome", async () => {
    const { db } = database;
    await lockUserState(db, user);
    await upsertOwners(db, user, [
      { attribute: "steps", label: "Steps", owner: "Fitbit", active: true },
    ]);
    const [intent] = await insertIntents(db, {
      username: user,
      action: "acquire",
      attributes: ["steps"],
      requestId: "r1",
      settleAfter: new Date(),
    });
    expect(intent).toMatchObject({ attribute: "steps", ownerBefore: "Fitbit" });
    let [entry] = await listEntries(db, user, {}, 10);
    expect(entry).toMatchObject({ kind: "change", outcome: "unknown", label: "Steps" });
    await settleEntries(db, user, [
      {
        id: intent!.id,
        attribute: "steps",
        label: "Steps",
        outcome: "done",
        ownerAfter: "this app",
        errorCode: null,
      },
    ]);
    [entry] = await listEntries(db, user, {}, 10);
    expect(entry).toMatchObject({
      outcome: "done",
      ownerBefore: "Fitbit",
      ownerAfter: "this app",
      requestId: "r1",
    });
    const state = await lockUserState(db, user);
    expect(state.owners.find((o) => o.attribute === "steps")?.owner).toBe("this app");
    expect(state.unknown).toEqual([]);
  });

  it("a refused item leaves its last-seen owner; a done one never seen before adds it", async () => {
    const { db } = database;
    const other = `${user}_settle`; // its own user: the next tests count this user's rows
    await upsertOwners(db, other, [
      { attribute: "mood", label: "Mood", owner: "Daylio", active: true },
    ]);
    const intents = await insertIntents(db, {
      username: other,
      action: "acquire",
      attributes: ["mood", "pages_read"],
      requestId: "r2",
      settleAfter: new Date(),
    });
    await settleEntries(db, other, [
      { ...intents[0]!, outcome: "refused", ownerAfter: "Daylio", errorCode: "no_scope" },
      {
        ...intents[1]!,
        label: "Pages read",
        outcome: "done",
        ownerAfter: "this app",
        errorCode: null,
      },
    ]);
    const owners = (await lockUserState(db, other)).owners.map((o) => [
      o.attribute,
      o.label,
      o.owner,
    ]);
    expect(owners).toEqual(
      expect.arrayContaining([
        ["mood", "Mood", "Daylio"],
        ["pages_read", "Pages read", "this app"],
      ]),
    );
  });

  it("pages newest first, filters by kind and attribute, and dismisses observed entries", async () => {
    const { db } = database;
    await insertObserved(db, [
      {
        username: user,
        attribute: "sleep",
        label: "Sleep",
        action: "owner",
        ownerBefore: "Oura",
        ownerAfter: "Withings",
        seenSince: new Date(),
      },
      {
        username: user,
        attribute: "mood",
        label: "Mood",
        action: "inactive",
        ownerBefore: "Exist",
        ownerAfter: null,
        seenSince: null,
      },
    ]);
    const all = await listEntries(db, user, {}, 2);
    expect(all.map((e) => e.attribute)).toEqual(["mood", "sleep"]);
    const older = await listEntries(db, user, {}, 10, all[1]!.id);
    expect(older.map((e) => e.attribute)).toEqual(["steps"]);
    expect((await listEntries(db, user, { kind: "observed", attribute: "sleep" }, 10)).length).toBe(
      1,
    );
    expect((await undismissedObserved(db, user, 10)).length).toBe(2);
    await dismissThrough(db, user, all[0]!.id);
    expect(await undismissedObserved(db, user, 10)).toEqual([]);
  });

  it("prunes old entries and deletes every row of a user", async () => {
    const { db } = database;
    expect(await pruneOlderThan(db, 1)).toBe(0);
    expect(await deleteUser(db, user)).toBe(3);
    expect(await listEntries(db, user, {}, 10)).toEqual([]);
    expect((await lockUserState(db, user)).owners).toEqual([]);
  });
});

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
    const file = path.join(folder, ".lock");
    writeFileSync(file, "999999999");
    const release = lockDataDir(folder);
    expect(readFileSync(file, "utf8")).toBe(String(process.pid));
    release();
    expect(existsSync(file)).toBe(false);
    rmSync(folder, { recursive: true, force: true });
  });
});

describe.skipIf(!serverUrl)("migrations on a shared PostgreSQL server", () => {
  it("let several instances start at once: one migrates, the others wait and find it done", async () => {
    const opened = await Promise.all(
      Array.from({ length: 4 }, () => openDatabase({ databaseUrl: serverUrl, dataDir: "" })),
    );
    try {
      // Every instance finds the tables, and each migration was recorded once, not once each.
      for (const { db } of opened) {
        expect(await listEntries(db, `nobody-${process.pid}`, {}, 1)).toEqual([]);
      }
      const journal = JSON.parse(
        readFileSync(path.join(MIGRATIONS.migrationsFolder, "meta", "_journal.json"), "utf8"),
      ) as { entries: unknown[] };
      const [first] = opened;
      const applied = (await first?.db.execute(
        sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
      )) as unknown as { rows: Array<{ count: number }> };
      expect(applied.rows[0]?.count).toBe(journal.entries.length);
    } finally {
      await Promise.all(opened.map((database) => database.close()));
    }
  }, 60_000);

  it("names DATABASE_URL, without its password, when the server cannot be reached", async () => {
    await expect(
      openDatabase({ databaseUrl: "postgres://someone:secret@127.0.0.1:1/none", dataDir: "" }),
    ).rejects.toThrow(
      /^DATABASE_URL \(postgres:\/\/someone:\*\*\*@127\.0\.0\.1:1\/none\) cannot be used/,
    );
  });
});
