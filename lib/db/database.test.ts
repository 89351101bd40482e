/** Start-up against the PostgreSQL server named by TEST_DATABASE_URL (CI sets it). */
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/database";

const serverUrl = process.env.TEST_DATABASE_URL;
if (!serverUrl && process.env.CI)
  throw new Error("CI must set TEST_DATABASE_URL for the storage tests");

describe.skipIf(!serverUrl)("migrations on a shared PostgreSQL server", () => {
  it("let several instances start at once: one migrates, the others wait and find it done", async () => {
    const opened = await Promise.all(
      Array.from({ length: 4 }, () => openDatabase({ databaseUrl: serverUrl, dataDir: "" })),
    );
    await Promise.all(opened.map((database) => database.close()));
  }, 60_000);

  it("names DATABASE_URL, without its password, when the server cannot be reached", async () => {
    await expect(
      openDatabase({ databaseUrl: "postgres://someone:secret@127.0.0.1:1/none", dataDir: "" }),
    ).rejects.toThrow(
      /^DATABASE_URL \(postgres:\/\/someone:\*\*\*@127\.0\.0\.1:1\/none\) cannot be used/,
    );
  });
});
