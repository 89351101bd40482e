/**
 * VACUUM on the embedded database. PGlite runs PostgreSQL as one backend, without the autovacuum
 * launcher, so rows that are deleted or replaced stay on their pages and in the indexes until
 * someone vacuums. Two things suffered from it:
 * - history_in_flight gets a row per request to Exist and loses it with the answer: every lookup
 *   of a user's flights walked all the dead ones (after one `npm run bench`, 4,272 of them and
 *   2.2 ms a lookup; 0.06 ms after a VACUUM), so an acquire cost more with every acquire before.
 * - Space freed by the hourly prune was never reused, so the folder only grew.
 * So such a table is vacuumed once DEAD_ROWS_BEFORE_VACUUM of its rows are gone, and the whole
 * database after each prune. A server's autovacuum does both there: nothing is registered for it.
 */
import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/database";
import { logger } from "@/lib/server/logger";

/** The tables whose rows live for one request. */
export type ChurningTable = "history_in_flight";

/** A few milliseconds of VACUUM for this many rows; lookups then walk at most this many. */
export const DEAD_ROWS_BEFORE_VACUUM = 256;

export type EmbeddedVacuum = {
  deadRows(table: ChurningTable, rows: number): void;
  /** VACUUM ANALYZE of every table (the planner then also knows their sizes). */
  everything(): Promise<void>;
  /** Resolves once no VACUUM is running or waiting: before the database is closed. */
  idle(): Promise<void>;
};

const registered = new WeakMap<Db, EmbeddedVacuum>();

/** For the embedded database's `db`, opened by this process (lib/db/database.ts). */
export function registerEmbeddedVacuum(db: Db): EmbeddedVacuum {
  const dead = new Map<ChurningTable, number>();
  // One at a time, after whatever the connection is doing: VACUUM cannot run in a transaction,
  // and PGlite queues this behind one that is open.
  let queue: Promise<void> = Promise.resolve();
  const run = (statement: ReturnType<typeof sql>, what: string): Promise<void> => {
    queue = queue
      .then(() => db.execute(statement))
      .then(
        () => undefined,
        (error: unknown) => {
          logger.error(`database: vacuum of ${what} failed: ${(error as Error).message}`);
        },
      );
    return queue;
  };
  const vacuum: EmbeddedVacuum = {
    deadRows(table, rows) {
      const count = (dead.get(table) ?? 0) + rows;
      dead.set(table, count >= DEAD_ROWS_BEFORE_VACUUM ? 0 : count);
      if (count >= DEAD_ROWS_BEFORE_VACUUM) void run(sql`vacuum ${sql.identifier(table)}`, table);
    },
    everything: () => run(sql`vacuum analyze`, "every table"),
    idle: () => queue,
  };
  registered.set(db, vacuum);
  return vacuum;
}

/**
 * `rows` rows of `table` were deleted by a statement on `db`: on the embedded database they are
 * vacuumed away once enough have gone. Nothing for a server, or for a transaction's `db`.
 */
export function noteDeadRows(db: Db, table: ChurningTable, rows: number): void {
  if (rows > 0) registered.get(db)?.deadRows(table, rows);
}

/** Resolves once the VACUUMs asked for on `db` so far are done (the close uses `idle`). */
export async function vacuumsDone(db: Db): Promise<void> {
  await registered.get(db)?.idle();
}

/** After deleting many rows (the prune): VACUUM ANALYZE of the embedded database. */
export async function vacuumEverything(db: Db): Promise<void> {
  await registered.get(db)?.everything();
}
