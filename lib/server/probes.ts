/**
 * What the probes report. Liveness (GET /api/health) needs nothing from here: it touches neither
 * the database nor Exist. Readiness (GET /api/ready) reports the database's state without
 * depending on it: the app keeps working without its database.
 */
import "server-only";
import { sql } from "drizzle-orm";
import type { ReadyResponse } from "@/lib/api/contract";
import { database, type Database } from "@/lib/db/database";
import { env } from "@/lib/env";
import { shuttingDown } from "@/lib/server/shutdown";

/** A database slower than this to answer `select 1` counts as down for the probe. */
export const PING_TIMEOUT_MS = 1_000;

type DatabaseState = Extract<ReadyResponse, { status: "ready" }>["database"]["state"];

let inFlight: Promise<DatabaseState> | undefined;

/**
 * `select 1` on the process's database, up or down within `timeoutMs`. One at a time: probes that
 * come while a ping is still waiting (a server that does not answer) share it.
 */
export function pingDatabase(
  open: () => Promise<Database> = database,
  timeoutMs = PING_TIMEOUT_MS,
): Promise<DatabaseState> {
  inFlight ??= new Promise<DatabaseState>((resolve) => {
    const timer = setTimeout(() => resolve("down"), timeoutMs);
    open()
      .then(({ db }) => db.execute(sql`select 1`))
      .then(
        () => resolve("up"),
        () => resolve("down"),
      )
      .finally(() => {
        clearTimeout(timer);
        inFlight = undefined;
      });
  });
  return inFlight;
}

const configuredKind = () => (env().databaseUrl ? "server" : "embedded");

/** The readiness answer: its status code and body. */
export async function readiness(
  ping: () => Promise<DatabaseState> = pingDatabase,
  kind: () => "embedded" | "server" = configuredKind,
): Promise<{ status: 200 | 503; body: ReadyResponse }> {
  if (shuttingDown()) return { status: 503, body: { status: "stopping" } };
  const state = await ping();
  // A shutdown that began during the ping wins.
  if (shuttingDown()) return { status: 503, body: { status: "stopping" } };
  return { status: 200, body: { status: "ready", database: { kind: kind(), state } } };
}
