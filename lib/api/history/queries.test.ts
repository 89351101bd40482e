/**
 * The history's statements against the embedded PGlite always, and against the PostgreSQL
 * server named by TEST_DATABASE_URL when it is set (CI sets it): the same migrations and
 * queries on both.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/lib/db/database";
import { insertEntries, insertIntents, settleEntries } from "@/lib/api/history/change-queries";
import {
  deleteUser,
  dismissThrough,
  listEntries,
  pruneOlderThan,
  undismissedObserved,
} from "@/lib/api/history/entry-queries";
import { insertObserved, lockUserState, upsertOwners } from "@/lib/api/history/owner-queries";

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
      kind: "change",
      action: "acquire",
      items: [{ attribute: "steps" }],
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
      kind: "change",
      action: "acquire",
      items: [{ attribute: "mood" }, { attribute: "pages_read" }],
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

  it("settles an acquire and a release of one attribute in one statement; the later one is the owner", async () => {
    const { db } = database;
    const other = `${user}_twice`;
    const change = (action: string) =>
      insertIntents(db, {
        username: other,
        kind: "change",
        action,
        items: [{ attribute: "steps", label: "Steps" }],
        requestId: action,
        settleAfter: new Date(),
      });
    const [acquired] = await change("acquire");
    const [released] = await change("release");
    await settleEntries(db, other, [
      { ...acquired!, outcome: "done", ownerAfter: "this app", errorCode: null },
      { ...released!, outcome: "done", ownerAfter: "Fitbit", errorCode: null },
    ]);
    const entries = await listEntries(db, other, {}, 10);
    expect(entries.map((e) => [e.action, e.outcome, e.ownerAfter])).toEqual([
      ["release", "done", "Fitbit"],
      ["acquire", "done", "this app"],
    ]);
    const owners = (await lockUserState(db, other)).owners.map((o) => [o.attribute, o.owner]);
    expect(owners).toEqual([["steps", "Fitbit"]]);
    await deleteUser(db, other);
  });

  it("records writes by day without touching owners; a tag takes Exist's name when done", async () => {
    const { db } = database;
    const other = `${user}_write`;
    await upsertOwners(db, other, [
      { attribute: "water", label: "Water", owner: "this app", active: true },
    ]);
    const [logged] = await insertIntents(db, {
      username: other,
      kind: "write",
      action: "increment",
      items: [{ attribute: "water", day: "2026-02-28" }],
      requestId: "w1",
      settleAfter: new Date(),
    });
    expect(logged).toMatchObject({ label: "Water", ownerBefore: null, day: "2026-02-28" });
    const [tag] = await insertIntents(db, {
      username: other,
      kind: "write",
      action: "create",
      items: [{ attribute: "", label: "Swim 🏊" }],
      requestId: "w2",
      settleAfter: new Date(),
    });
    // A write whose answer is lost stays unknown: list loads settle owner changes only.
    expect((await lockUserState(db, other)).unknown).toEqual([]);
    await settleEntries(db, other, [
      { ...logged!, outcome: "done", ownerAfter: null, errorCode: null },
      { ...tag!, attribute: "swim", outcome: "done", ownerAfter: "this app", errorCode: null },
    ]);
    const entries = await listEntries(db, other, { kind: "write" }, 10);
    expect(entries.map((e) => [e.action, e.attribute, e.label, e.day, e.outcome])).toEqual([
      ["create", "swim", "Swim 🏊", null, "done"],
      ["increment", "water", "Water", "2026-02-28", "done"],
    ]);
    const owners = (await lockUserState(db, other)).owners.map((o) => [o.attribute, o.owner]);
    expect(owners.sort()).toEqual([
      ["swim", "this app"],
      ["water", "this app"],
    ]);
    await deleteUser(db, other);
  });

  it("records values written whole, several users in one statement, owners untouched", async () => {
    const { db } = database;
    const [ann, bob] = [`${user}_whole_a`, `${user}_whole_b`];
    const entry = (username: string, day: string, outcome: "done" | "refused" | "unknown") => ({
      username,
      kind: "write" as const,
      action: "update",
      attribute: "water",
      label: "Water",
      day,
      outcome,
      errorCode: outcome === "refused" ? "unauthorised" : null,
      requestId: `r-${username}`,
    });
    await insertEntries(db, [
      entry(ann, "2026-03-01", "done"),
      entry(bob, "2026-03-01", "refused"),
      entry(ann, "2026-03-02", "unknown"),
    ]);
    const read = async (username: string) =>
      (await listEntries(db, username, { kind: "write" }, 10)).map((e) => [
        e.day,
        e.outcome,
        e.errorCode,
        e.ownerBefore,
        e.ownerAfter,
      ]);
    expect(await read(ann)).toEqual([
      ["2026-03-02", "unknown", null, null, null],
      ["2026-03-01", "done", null, null, null],
    ]);
    expect(await read(bob)).toEqual([["2026-03-01", "refused", "unauthorised", null, null]]);
    expect((await lockUserState(db, ann)).owners).toEqual([]);
    await deleteUser(db, ann);
    await deleteUser(db, bob);
  });

  it("keeps a write's own label, and a value settled without owners leaves them as they were", async () => {
    const { db } = database;
    const other = `${user}_label`;
    await upsertOwners(db, other, [
      { attribute: "weight", label: "Weight (old)", owner: "Withings", active: true },
    ]);
    const [logged] = await insertIntents(db, {
      username: other,
      kind: "write",
      action: "update",
      items: [{ attribute: "weight", label: "Weight", day: "2026-03-01" }],
      requestId: "w3",
      settleAfter: new Date(),
    });
    expect(logged).toMatchObject({ label: "Weight", ownerBefore: null, day: "2026-03-01" });
    await settleEntries(
      db,
      other,
      [{ ...logged!, outcome: "done", ownerAfter: "this app", errorCode: null }],
      null,
      { owners: false },
    );
    const [entry] = await listEntries(db, other, { kind: "write" }, 10);
    expect([entry?.label, entry?.outcome]).toEqual(["Weight", "done"]);
    const owners = (await lockUserState(db, other)).owners.map((o) => [o.label, o.owner]);
    expect(owners).toEqual([["Weight (old)", "Withings"]]);
    await deleteUser(db, other);
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
