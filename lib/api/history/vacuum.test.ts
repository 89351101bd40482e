/**
 * The embedded database vacuums what it deletes: a table whose rows live for one request stays
 * a few pages long, and space the prune frees is used again.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertEntries, insertFlight, recordStaleFlights } from "@/lib/api/history/change-queries";
import { pruneOlderThan } from "@/lib/api/history/entry-queries";
import { openDatabase, type Database } from "@/lib/db/database";
import { historyEntries } from "@/lib/db/schema";
import { DEAD_ROWS_BEFORE_VACUUM, vacuumEverything, vacuumsDone } from "@/lib/db/vacuum";

const PAGE = 8192;

describe("VACUUM on the embedded database", () => {
  let database: Database;
  const dataDir = mkdtempSync(path.join(tmpdir(), "vacuum-db-"));

  beforeAll(async () => {
    database = await openDatabase({ dataDir });
  }, 240_000);

  afterAll(async () => {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const pages = async (table: string) => {
    const result = await database.db.execute(
      sql`select pg_relation_size(${table}::regclass) as bytes`,
    );
    const { rows } = result as unknown as { rows: Array<{ bytes: unknown }> };
    return Number(rows[0]?.bytes) / PAGE;
  };

  /**
   * Ten requests at a time, recorded as the app records them: each one's flight before its call,
   * then its entry in the flight's place, and the user's stale flights looked up meanwhile.
   */
  const requests = async (batch: number) => {
    const ids = Array.from({ length: 10 }, (_, n) => `r-${batch}-${n}`);
    const flights = await Promise.all(
      ids.map((requestId) =>
        insertFlight(database.db, {
          username: "vacuum",
          kind: "change",
          action: "acquire",
          items: [{ attribute: "steps", label: "Steps", day: null }],
          requestId,
          settleAfter: new Date(Date.now() + 60_000),
        }),
      ),
    );
    await recordStaleFlights(database.db, "vacuum", new Date());
    await Promise.all(
      ids.map((requestId, n) =>
        insertEntries(database.db, [
          {
            username: "vacuum",
            kind: "change",
            action: "acquire",
            attribute: "steps",
            label: "Steps",
            day: null,
            outcome: "done",
            ownerAfter: "this app",
            errorCode: null,
            requestId,
            flight: flights[n],
          },
        ]),
      ),
    );
  };

  it("keeps history_in_flight a page or two long however many requests went through it", async () => {
    for (let batch = 0; batch < (4 * DEAD_ROWS_BEFORE_VACUUM) / 10; batch += 1) {
      await requests(batch);
    }
    await vacuumsDone(database.db);
    // Without the VACUUMs: 9 pages of dead rows after these 1,024 requests, and more with each.
    expect(await pages("history_in_flight")).toBeLessThanOrEqual(2);
  }, 120_000);

  it("uses the space the prune freed again", async () => {
    const old = new Date(Date.now() - 400 * 86_400_000);
    const rows = (createdAt: Date) =>
      Array.from({ length: 3_000 }, (_, n) => ({
        username: "vacuum",
        kind: "change" as const,
        attribute: `attribute_${n}`,
        label: `Attribute ${n}`,
        action: "acquire",
        outcome: "done" as const,
        ownerAfter: "this app",
        requestId: `old-${n}`,
        createdAt,
      }));
    await database.db.insert(historyEntries).values(rows(old));
    const before = await pages("history_entries");
    expect(await pruneOlderThan(database.db, 365)).toBeGreaterThanOrEqual(3_000);
    await vacuumEverything(database.db);
    await database.db.insert(historyEntries).values(rows(new Date()));
    // The new rows go where the pruned ones were: without the VACUUM the table would double.
    expect(await pages("history_entries")).toBeLessThanOrEqual(before * 1.1);
  }, 120_000);
});
