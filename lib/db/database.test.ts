/** Start-up against the PostgreSQL server named by TEST_DATABASE_URL (CI sets it). */
import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/database";
import { MIGRATIONS } from "@/lib/db/migrate";
import { userStates } from "@/lib/db/schema";

const serverUrl = process.env.TEST_DATABASE_URL;
if (!serverUrl && process.env.CI)
  throw new Error("CI must set TEST_DATABASE_URL for the storage tests");

describe.skipIf(!serverUrl)("migrations on a shared PostgreSQL server", () => {
  it("let several instances start at once: one migrates, the others wait and find it done", async () => {
    const opened = await Promise.all(
      Array.from({ length: 4 }, () => openDatabase({ databaseUrl: serverUrl, dataDir: "" })),
    );
    try {
      // Every instance finds the tables, and each migration was recorded once, not once each.
      for (const { db } of opened) {
        expect(
          await db
            .select()
            .from(userStates)
            .where(sql`false`),
        ).toEqual([]);
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
