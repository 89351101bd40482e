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
import {
  insertEntries,
  insertFlight,
  listFlights,
  settleEntries,
  type NewEntry,
} from "@/lib/api/history/change-queries";
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

  const change = (
    username: string,
    attribute: string,
    extra: Partial<NewEntry> = {},
  ): NewEntry => ({
    username,
    kind: "change",
    action: "acquire",
    attribute,
    label: null,
    day: null,
    outcome: "done",
    ownerAfter: "this app",
    errorCode: null,
    requestId: "r1",
    ...extra,
  });
  const flight = (
    username: string,
    attributes: string[],
    settleAfter = new Date(Date.now() + 60_000),
  ) =>
    insertFlight(database.db, {
      username,
      kind: "change",
      action: "acquire",
      items: attributes.map((attribute) => ({ attribute })),
      requestId: "r1",
      settleAfter,
    });

  it("keeps a request in flight in one row, then records its entries whole with the owner last seen", async () => {
    const { db } = database;
    await lockUserState(db, user);
    await upsertOwners(db, user, [
      { attribute: "steps", label: "Steps", owner: "Fitbit", active: true },
    ]);
    const id = await flight(user, ["steps"]);
    expect((await listFlights(db, user)).map((f) => [f.kind, f.attribute, f.label])).toEqual([
      ["change", "steps", "Steps"],
    ]);
    expect((await lockUserState(db, user)).inFlight).toEqual(["steps"]);
    expect(await listEntries(db, user, {}, 10)).toEqual([]);
    await insertEntries(db, [change(user, "steps", { flight: id })]);
    const [entry] = await listEntries(db, user, {}, 10);
    expect(entry).toMatchObject({
      kind: "change",
      label: "Steps",
      outcome: "done",
      ownerBefore: "Fitbit",
      ownerAfter: "this app",
      requestId: "r1",
    });
    expect(await listFlights(db, user)).toEqual([]);
    const state = await lockUserState(db, user);
    expect(state.owners.find((o) => o.attribute === "steps")?.owner).toBe("this app");
    expect([state.unknown, state.inFlight]).toEqual([[], []]);
  });

  it("a refused item keeps its last-seen owner; a done one never seen before adds it", async () => {
    const { db } = database;
    const other = `${user}_settle`; // its own user: the next tests count this user's rows
    await upsertOwners(db, other, [
      { attribute: "mood", label: "Mood", owner: "Daylio", active: true },
    ]);
    await insertEntries(db, [
      change(other, "mood", { outcome: "refused", ownerAfter: null, errorCode: "no_scope" }),
      change(other, "pages_read", { label: "Pages read" }),
    ]);
    const entries = await listEntries(db, other, {}, 10);
    expect(entries.map((e) => [e.attribute, e.outcome, e.ownerBefore, e.ownerAfter])).toEqual([
      ["pages_read", "done", null, "this app"],
      ["mood", "refused", "Daylio", "Daylio"],
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
    await deleteUser(db, other);
  });

  it("records an acquire and a release of one attribute in one statement; the later one is the owner", async () => {
    const { db } = database;
    const other = `${user}_twice`;
    await insertEntries(db, [
      change(other, "steps"),
      change(other, "steps", { action: "release", ownerAfter: "Fitbit", requestId: "r2" }),
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

  it("a request a crash left in flight becomes unknown entries once it is due, for a list load to settle", async () => {
    const { db } = database;
    const other = `${user}_crash`;
    await upsertOwners(db, other, [
      { attribute: "steps", label: "Steps", owner: "Fitbit", active: true },
    ]);
    const due = new Date(Date.now() - 1_000);
    await flight(other, ["steps"], due);
    await flight(other, ["steps"], due);
    await flight(other, ["sleep"]);
    const state = await lockUserState(db, other);
    expect(state.inFlight).toEqual(["sleep"]);
    expect(state.unknown.map((e) => [e.attribute, e.label, e.ownerBefore])).toEqual([
      ["steps", "Steps", "Fitbit"],
      ["steps", "Steps", "Fitbit"],
    ]);
    // Both settled in one statement (two unknown changes of one attribute): the later one wins.
    const [first, second] = state.unknown;
    await settleEntries(db, other, [
      { ...first!, outcome: "done", ownerAfter: "this app", errorCode: null },
      { ...second!, outcome: "done", ownerAfter: "Oura", errorCode: null },
    ]);
    const after = await lockUserState(db, other);
    expect(after.unknown).toEqual([]);
    expect(after.owners.map((o) => [o.attribute, o.owner])).toEqual([["steps", "Oura"]]);
    expect((await listFlights(db, other)).map((f) => f.attribute)).toEqual(["sleep"]);
    expect(await deleteUser(db, other)).toBe(2);
    expect(await listFlights(db, other)).toEqual([]);
  });

  it("records writes by day without touching owners; a lost write stays unknown; a tag becomes an owner", async () => {
    const { db } = database;
    const other = `${user}_write`;
    await upsertOwners(db, other, [
      { attribute: "water", label: "Water", owner: "this app", active: true },
    ]);
    const write = (extra: Partial<NewEntry>): NewEntry => ({
      ...change(other, "water"),
      kind: "write",
      action: "increment",
      day: "2026-02-28",
      ownerAfter: null,
      ...extra,
    });
    await insertEntries(db, [
      write({}),
      write({ day: "2026-02-27", outcome: "unknown", settleAfter: new Date() }),
      write({
        action: "create",
        attribute: "swim",
        label: "Swim 🏊",
        day: null,
        ownerAfter: "this app",
      }),
    ]);
    // A write whose answer is lost stays unknown: list loads settle owner changes only.
    expect((await lockUserState(db, other)).unknown).toEqual([]);
    const entries = await listEntries(db, other, { kind: "write" }, 10);
    expect(entries.map((e) => [e.action, e.attribute, e.label, e.day, e.outcome])).toEqual([
      ["create", "swim", "Swim 🏊", null, "done"],
      ["increment", "water", "Water", "2026-02-27", "unknown"],
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

  it("keeps a write's own label, and a value written leaves the owners as they were", async () => {
    const { db } = database;
    const other = `${user}_label`;
    await upsertOwners(db, other, [
      { attribute: "weight", label: "Weight (old)", owner: "Withings", active: true },
    ]);
    await insertEntries(db, [
      {
        ...change(other, "weight", { label: "Weight", ownerAfter: null }),
        kind: "write",
        action: "update",
        day: "2026-03-01",
      },
    ]);
    const [entry] = await listEntries(db, other, { kind: "write" }, 10);
    expect([entry?.label, entry?.outcome, entry?.ownerBefore]).toEqual(["Weight", "done", null]);
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
