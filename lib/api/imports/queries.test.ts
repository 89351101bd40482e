/**
 * The imports' storage on the embedded PGlite always, and on the PostgreSQL server named by
 * TEST_DATABASE_URL when it is set, where a second pool stands for a second instance.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ImportStatus } from "@/lib/api/contract";
import { openDatabase, type Database } from "@/lib/db/database";
import { imports, importValues } from "@/lib/db/schema";
import {
  claimBatch,
  countWritten,
  countStates,
  deleteImportsOf,
  forgetValues,
  importUnderWay,
  inFlight,
  insertImport,
  planUndo,
  pruneImports,
  releaseBatch,
  settleBatch,
  type ValueRow,
} from "@/lib/api/imports/queries";

const serverUrl = process.env.TEST_DATABASE_URL;
const targets: Array<[string, () => { databaseUrl?: string; dataDir: string }]> = [
  ["PGlite", () => ({ dataDir: mkdtempSync(path.join(tmpdir(), "imports-db-")) })],
];
if (serverUrl) targets.push(["PostgreSQL server", () => ({ databaseUrl: serverUrl, dataDir: "" })]);
else if (process.env.CI) throw new Error("CI must set TEST_DATABASE_URL for the storage tests");

const day = (index: number) => {
  const date = new Date(Date.UTC(2026, 0, 1 + index));
  return date.toISOString().slice(0, 10);
};

describe.each(targets)("import storage on %s", (name, options) => {
  let database: Database;
  let dataDir = "";
  const username = `imports-${process.pid}-${Date.now()}`;

  /** An import of `count` pending values of `steps`; every third replaces a value (before 1). */
  async function newImport(count: number, status: ImportStatus = "running") {
    const id = randomUUID();
    const values: ValueRow[] = Array.from({ length: count }, (_, seq) => ({
      importId: id,
      phase: "import",
      seq,
      attribute: "steps",
      day: day(seq),
      value: 1000 + seq,
      before: seq % 3 === 0 ? 1 : null,
      row: seq + 2,
      state: "pending",
    }));
    await insertImport(
      database.db,
      { id, username, status, fileName: "steps.csv", preview: {}, invalid: [] },
      values,
    );
    return id;
  }

  beforeAll(async () => {
    const opened = options();
    dataDir = opened.dataDir;
    database = await openDatabase(opened);
  }, 240_000);

  afterAll(async () => {
    await database.db.delete(imports).where(eq(imports.username, username));
    await database.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("answers the import under way, never a preview made after it", async () => {
    const ids: string[] = [];
    const made = async (status: ImportStatus) => {
      const id = await newImport(1, status);
      // Distinct creation times: the latest is the one asked for.
      await database.db
        .update(imports)
        .set({ createdAt: new Date(Date.UTC(2000, 0, 1, 0, 0, ids.length)) })
        .where(eq(imports.id, id));
      ids.push(id);
      return id;
    };
    const someone = username;
    await database.db.delete(imports).where(eq(imports.username, someone));
    await made("preview");
    expect(await importUnderWay(database.db, someone)).toBeUndefined();
    const paused = await made("paused");
    await made("preview");
    await made("finished");
    expect((await importUnderWay(database.db, someone))?.id).toBe(paused);
    const failed = await made("failed");
    expect((await importUnderWay(database.db, someone))?.id).toBe(failed);
    await database.db.delete(imports).where(eq(imports.username, someone));
  });

  it("claims 35 values at a time, in order, and a last partial batch", async () => {
    const id = await newImport(80);
    const sizes: number[] = [];
    const seqs: number[] = [];
    for (let batch = 1; ; batch += 1) {
      const claimed = await claimBatch(database.db, id, "import", batch);
      if (claimed.length === 0) break;
      sizes.push(claimed.length);
      seqs.push(...claimed.map((value) => value.seq));
      expect(claimed[0]).toMatchObject({ attribute: "steps", day: day(claimed[0]?.seq ?? 0) });
    }
    expect(sizes).toEqual([35, 35, 10]);
    expect(seqs).toEqual(Array.from({ length: 80 }, (_, index) => index));
  });

  it("never gives one value to two claims made at once", async () => {
    const id = await newImport(700);
    const second = name === "PGlite" ? database : await openDatabase(options());
    try {
      const claims = await Promise.all(
        Array.from({ length: 24 }, (_, index) =>
          claimBatch((index % 2 ? second : database).db, id, "import", index + 1),
        ),
      );
      const seqs = claims.flat().map((value) => value.seq);
      expect(seqs).toHaveLength(700);
      expect(new Set(seqs).size).toBe(700);
      expect(claims.every((claim) => claim.length <= 35)).toBe(true);
    } finally {
      if (second !== database) await second.close();
    }
  }, 60_000);

  it("keeps a call whose answer was lost in flight, to be sent again; a released one goes back", async () => {
    const id = await newImport(40);
    const first = await claimBatch(database.db, id, "import", 1);
    expect((await inFlight(database.db, id, "import")).map((value) => value.seq)).toEqual(
      first.map((value) => value.seq),
    );
    await releaseBatch(
      database.db,
      id,
      "import",
      first.map((value) => value.seq),
    );
    expect(await inFlight(database.db, id, "import")).toEqual([]);
    expect((await countStates(database.db, id, "import")).pending).toBe(40);
  });

  it("records Exist's answer, then plans the undo from the snapshot of replaced values", async () => {
    const id = await newImport(6);
    const claimed = await claimBatch(database.db, id, "import", 1);
    await settleBatch(database.db, id, "import", [
      ...claimed.slice(0, 5).map((value) => ({ seq: value.seq, state: "written" as const })),
      { seq: 5, state: "refused", errorCode: "validation", error: "Too many steps" },
    ]);
    expect(await countStates(database.db, id, "import")).toMatchObject({
      written: 5,
      refused: 1,
      pending: 0,
    });
    const [row] = await database.db.select().from(imports).where(eq(imports.id, id));
    expect(row?.calls).toBe(1);
    // seq 0 and 3 replaced a value (before 1); 1, 2 and 4 were empty days; 5 was refused.
    expect((await countWritten(database.db, id)).newDays).toBe(3);
    await forgetValues(database.db, id, "import");
    expect(await planUndo(database.db, id)).toBe(2);
    const undo = await claimBatch(database.db, id, "undo", 1);
    expect(undo.map(({ seq, day: date, value }) => ({ seq, date, value }))).toEqual([
      { seq: 0, date: day(0), value: 1 },
      { seq: 3, date: day(3), value: 1 },
    ]);
    const kept = await database.db
      .select({ value: importValues.value })
      .from(importValues)
      .where(and(eq(importValues.importId, id), eq(importValues.phase, "import")));
    // After the import, only the snapshot remains: no value of the file.
    expect(kept.every((value) => value.value === null)).toBe(true);
  });

  it("deletes the snapshots 30 days after an import ended, and with the person's history", async () => {
    const old = await newImport(3, "finished");
    const recent = await newImport(3, "finished");
    const running = await newImport(3);
    await database.db
      .update(imports)
      .set({ endedAt: new Date(Date.now() - 31 * 24 * 60 * 60 * 1000) })
      .where(eq(imports.id, old));
    await database.db.update(imports).set({ endedAt: new Date() }).where(eq(imports.id, recent));
    await pruneImports(database.db);
    const left = async (id: string) =>
      (await database.db.select().from(importValues).where(eq(importValues.importId, id))).length;
    expect([await left(old), await left(recent), await left(running)]).toEqual([0, 3, 3]);
    // The old import's record goes too: its preview holds before → after samples.
    const records = await database.db
      .select({ id: imports.id })
      .from(imports)
      .where(eq(imports.username, username));
    expect(records.map((row) => row.id)).not.toContain(old);
    expect(records.map((row) => row.id)).toContain(recent);
    await deleteImportsOf(database.db, username);
    const kept = await database.db
      .select({ id: imports.id })
      .from(imports)
      .where(eq(imports.username, username));
    // A running import stays, to finish; every import that is over is gone.
    const ids = kept.map((row) => row.id);
    expect(ids).toContain(running);
    expect(ids).not.toContain(old);
    expect(ids).not.toContain(recent);
    expect(await left(recent)).toBe(0);
  });
});
