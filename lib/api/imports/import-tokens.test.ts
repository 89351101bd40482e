/**
 * When an import's sealed tokens go: at its end when the person's session holds the same pair;
 * kept for the handover when the job refreshed them while the person was away.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openDatabase, type Database } from "@/lib/db/database";
import { imports, importTokens } from "@/lib/db/schema";
import { insertImport } from "@/lib/api/imports/queries";
import { dropImportToken, keepImportToken, readImportToken } from "@/lib/api/imports/import-tokens";

const username = "alice";
const pair = (name: string) => ({
  accessToken: `${name}-access`.padEnd(40, "a"),
  refreshToken: `${name}-refresh`.padEnd(40, "r"),
  expiresAt: 1_800_000_000,
  scopes: ["water_read", "water_write"],
});

describe("an import's tokens at its end", () => {
  let database: Database;
  const dataDir = mkdtempSync(path.join(tmpdir(), "import-tokens-"));

  beforeAll(async () => {
    // env() is parsed once per process: set before anything reads it.
    vi.stubEnv("AUTH_SECRET", "x".repeat(32));
    vi.stubEnv("TOKEN_ENCRYPTION_KEY", randomBytes(32).toString("base64"));
    database = await openDatabase({ dataDir });
  }, 240_000);

  afterAll(async () => {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function newImport() {
    const id = randomUUID();
    const row = {
      id,
      username,
      status: "running" as const,
      fileName: "w.csv",
      preview: {},
      invalid: [],
    };
    await insertImport(database.db, row, []);
    return id;
  }

  const stored = (id: string) =>
    database.db.select().from(importTokens).where(eq(importTokens.importId, id));

  it("go with the import when the session holds the same pair", async () => {
    const id = await newImport();
    await keepImportToken(database.db, id, username, pair("session"));
    expect(await readImportToken(database.db, id, username)).toEqual(pair("session"));
    await dropImportToken(database.db, id);
    expect(await stored(id)).toEqual([]);
  });

  it("stay for the handover when the job refreshed them, and go with the import's record", async () => {
    const id = await newImport();
    await keepImportToken(database.db, id, username, pair("session"));
    await keepImportToken(database.db, id, username, pair("job"), "job");
    await dropImportToken(database.db, id);
    const [kept] = await stored(id);
    expect(kept).toMatchObject({ sessionHolds: false });
    expect(kept?.endedAt).toBeInstanceOf(Date);
    expect(await readImportToken(database.db, id, username)).toEqual(pair("job"));
    // Thirty days on, the import's record is pruned: the handover with it.
    await database.db.delete(imports).where(eq(imports.id, id));
    expect(await stored(id)).toEqual([]);
  });

  it("a session's refresh after the job's: the session holds the pair again", async () => {
    const id = await newImport();
    await keepImportToken(database.db, id, username, pair("job"), "job");
    await keepImportToken(database.db, id, username, pair("session"));
    await dropImportToken(database.db, id);
    expect(await stored(id)).toEqual([]);
  });
});
