/**
 * The one database connection of the process, opened lazily on first use (never at module load:
 * `next build` loads route modules in worker processes) and closed by the shutdown, once the
 * requests and their history writes are done (lib/server/shutdown.ts).
 * DATABASE_URL set: a `pg` pool on that server. Unset: the embedded PGlite in DATA_DIR.
 */
import "server-only";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { env } from "@/lib/env";
import { lockDataDir } from "@/lib/db/lock-file";
import { MIGRATIONS, MIGRATION_LOCK_KEY } from "@/lib/db/migrate";
import * as schema from "@/lib/db/schema";
import { registerEmbeddedVacuum } from "@/lib/db/vacuum";
import { logger } from "@/lib/server/logger";
import type { Pool } from "pg";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type Database = {
  db: Db;
  kind: "embedded" | "server";
  /** Runs `work` while holding a transaction-scoped advisory lock on `key` (a server only). */
  withAdvisoryLock<T>(key: bigint, work: (db: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

export type DatabaseOptions = { databaseUrl?: string; dataDir: string };

export class DatabaseStartError extends Error {
  override name = "DatabaseStartError";
}

/** Opens (and migrates) a database. Tests call it directly; the app uses `database()`. */
export function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.databaseUrl ? openServer(options.databaseUrl) : openEmbedded(options.dataDir);
}

/**
 * PostgreSQL's settings for the embedded database, after PGlite's own. The default 128 MB of
 * shared buffers are allocated and touched at start-up, about 150 MB resident for a database of
 * a few MB; PGlite reads its files through the operating system's cache anyway, so 16 MB costs
 * no measurable time (README.md, "Memory").
 */
const EMBEDDED_SETTINGS = ["-c", "shared_buffers=16MB"];

/**
 * A new data folder: PGlite runs initdb in a second WebAssembly instance of its own, whose memory
 * (about 300 MB) stays resident until a garbage collection that may never come, and a worker
 * thread would still leave about 140 MB in the allocator. So a short-lived Node process creates
 * the folder, and this one opens it. Resolves false when that failed (the caller then lets PGlite
 * create the folder here, and any real error shows there).
 */
function initInChildProcess(folder: string, startParams: string[]): Promise<boolean> {
  const code = `
    const { folder, startParams } = JSON.parse(process.env.PGLITE_INIT);
    import("@electric-sql/pglite")
      .then(async ({ PGlite }) => (await PGlite.create(folder, { startParams })).close())
      .then(() => process.exit(0), () => process.exit(1));`;
  // The same WebAssembly compiler flags as this process (package.json, start:prod).
  const flags = process.execArgv.filter((flag) => /^--(no-)?(wasm|liftoff)/.test(flag));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...flags, "-e", code], {
      env: { ...process.env, PGLITE_INIT: JSON.stringify({ folder, startParams }) },
      stdio: "ignore",
    });
    child.once("error", () => resolve(false));
    child.once("exit", (status) => resolve(status === 0));
  });
}

async function openEmbedded(dataDir: string): Promise<Database> {
  let opened: { close(): Promise<void> } | undefined;
  const release = await lockDataDir(dataDir, {
    // Only when this process stalled for seconds and another one took the folder over.
    onLost: (holder) => {
      const who = holder ? `pid ${holder.pid} on ${holder.host}` : "another process";
      logger.error(
        `history: the embedded database in ${path.resolve(dataDir)} was taken over by ${who}; ` +
          "this process stops using it",
      );
      void opened?.close().catch(() => {});
    },
  });
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    const folder = path.join(dataDir, "pglite");
    const startParams = [...PGlite.defaultStartParams, ...EMBEDDED_SETTINGS];
    if (!existsSync(path.join(folder, "PG_VERSION"))) await initInChildProcess(folder, startParams);
    const client = await PGlite.create(folder, { startParams });
    opened = client;
    const pglite = drizzle({ client, schema });
    // The lock file already keeps every other process out: no advisory lock needed here.
    await migrate(pglite, MIGRATIONS).catch(async (error: unknown) => {
      await client.close();
      throw error;
    });
    process.once("exit", release);
    const db = pglite as unknown as Db;
    // No autovacuum here (lib/db/vacuum.ts).
    const vacuum = registerEmbeddedVacuum(db);
    return {
      db,
      kind: "embedded",
      // One process owns the folder: the per-process paths are enough.
      withAdvisoryLock: (_key, work) => work(db),
      close: async () => {
        try {
          await vacuum.idle();
          await client.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** The URL without its password, for messages. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(malformed)";
  }
}

async function openServer(url: string): Promise<Database> {
  const { Pool } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const pool = new Pool({
    connectionString: url,
    max: 10,
    // A server that is down must not hold requests: acquire and release go on without history.
    connectionTimeoutMillis: 5_000,
    statement_timeout: 5_000,
  });
  // A server restart kills idle connections; without a listener that would crash the process.
  pool.on("error", () => {});
  try {
    await migrateServer(pool);
  } catch (error) {
    await pool.end();
    throw new DatabaseStartError(
      `DATABASE_URL (${describeUrl(url)}) cannot be used: ${(error as Error).message}`,
    );
  }
  const db = drizzle({ client: pool, schema }) as unknown as Db;
  return {
    db,
    kind: "server",
    withAdvisoryLock: async (key, work) => {
      const connection = await pool.connect();
      try {
        const locked = drizzle({ client: connection, schema }) as unknown as Db;
        return await locked.transaction(async (tx) => {
          await tx.execute(sqlAdvisoryLock(key));
          return work(tx as unknown as Db);
        });
      } finally {
        connection.release();
      }
    },
    close: () => pool.end(),
  };
}

/**
 * Drizzle's migrator takes no lock: instances starting together would race. A session-level
 * advisory lock on one connection lets one migrate while the others wait, then find it done.
 */
async function migrateServer(pool: Pool): Promise<void> {
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  const connection = await pool.connect();
  try {
    await connection.query("select pg_advisory_lock($1::bigint)", [MIGRATION_LOCK_KEY]);
    try {
      await migrate(drizzle({ client: connection }), MIGRATIONS);
    } finally {
      await connection.query("select pg_advisory_unlock($1::bigint)", [MIGRATION_LOCK_KEY]);
    }
  } finally {
    connection.release();
  }
}

function sqlAdvisoryLock(key: bigint) {
  return sql`select pg_advisory_xact_lock(${key.toString()}::bigint)`;
}

type Registry = { __historyDatabase?: Promise<Database>; __historyDatabaseClosed?: boolean };
const registry = globalThis as typeof globalThis & Registry;

/**
 * The process's database, opened on first call. A failed open is not kept, so a server that
 * comes back is used again. Once closed (shutdown), it stays closed.
 */
export function database(): Promise<Database> {
  if (registry.__historyDatabaseClosed) {
    return Promise.reject(new Error("the database is closed: the server is stopping"));
  }
  if (!registry.__historyDatabase) {
    const { databaseUrl, dataDir } = env();
    const opening = openDatabase({ databaseUrl, dataDir });
    registry.__historyDatabase = opening;
    opening.catch(() => {
      if (registry.__historyDatabase === opening) registry.__historyDatabase = undefined;
    });
  }
  return registry.__historyDatabase;
}

/**
 * Closes the process's database (the embedded one's lock goes with it), once shutdown no longer
 * needs it (lib/server/shutdown.ts). One being opened is closed once open.
 */
export async function closeDatabase(): Promise<void> {
  registry.__historyDatabaseClosed = true;
  const opening = registry.__historyDatabase;
  registry.__historyDatabase = undefined;
  const opened = await opening?.catch(() => undefined);
  await opened?.close();
}
