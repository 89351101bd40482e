/**
 * The job engine: pg-boss (https://timgit.github.io/pg-boss/) on the process's database, which
 * keeps its jobs in the schema `pgboss` beside the app's tables and migrates it itself under its
 * own advisory lock. On the embedded PGlite it runs through its PGlite adapter on the one
 * instance drizzle uses (PGlite queues every statement behind a running transaction, so the two
 * never interleave); with DATABASE_URL it opens its own small pool on that server, as its
 * maintenance statements must not be cut by the app pool's 5 s statement timeout.
 *
 * Started on first use, never at module load. `stopJobEngine()` lets running handlers finish
 * (up to a timeout; jobs still running are failed and retried later) and must run before the
 * database closes.
 */
import "server-only";
import type { PGlite } from "@electric-sql/pglite";
import type { Job, PgBoss } from "pg-boss";
import { database, type Database } from "@/lib/db/database";
import { env } from "@/lib/env";
import { QUEUES, type JobData, type QueueName } from "@/lib/jobs/queues";
import { logger } from "@/lib/server/logger";

export type EngineTarget =
  { kind: "embedded"; pglite: PGlite } | { kind: "server"; databaseUrl: string };

export type EngineOptions = {
  /** How often an idle worker looks for jobs. Every look is a statement on PGlite's one connection. */
  pollingIntervalSeconds?: number;
};

export type SendJobOptions = {
  /** What the job is about (an import's id): one job per key queued and one running. */
  key: string;
  startAfter?: Date;
};

export type JobContext<Name extends QueueName> = {
  id: string;
  data: JobData[Name];
  /** 0 on the first attempt. */
  retryCount: number;
  /** Aborted when this worker lost the job (its heartbeat found the claim gone). */
  signal: AbortSignal;
};

export type JobEngine = {
  kind: EngineTarget["kind"];
  /**
   * Queues a job, or returns null when one for the same key is already queued. A job to run now
   * wakes this process's workers of its queue at once: without that an idle worker would find it
   * only at its next poll (5 s on PGlite), and an import's first write would wait for it.
   */
  send<Name extends QueueName>(
    queue: Name,
    data: JobData[Name],
    options: SendJobOptions,
  ): Promise<string | null>;
  /** Runs `handler` for each job of `queue`: resolving completes it, throwing fails it for a retry. */
  work<Name extends QueueName>(
    queue: Name,
    handler: (job: JobContext<Name>) => Promise<void>,
  ): Promise<string>;
  stop(options?: { timeoutMs?: number }): Promise<void>;
  /** pg-boss itself, for what the helpers above do not cover (tests, inspection). */
  boss: PgBoss;
};

const SCHEMA = "pgboss";
const DEFAULT_POLLING = { embedded: 5, server: 2 } as const;

/** The target of an opened database: its PGlite instance, or the server it was opened on. */
export function targetOf(opened: Database, databaseUrl: string | undefined): EngineTarget {
  if (opened.kind === "server") {
    if (!databaseUrl) throw new Error("A server database needs its URL for the job engine");
    return { kind: "server", databaseUrl };
  }
  // drizzle's `$client`: the PGlite instance the database was opened with.
  const client = (opened.db as unknown as { $client?: PGlite }).$client;
  if (typeof client?.exec !== "function") throw new Error("The embedded database has no PGlite");
  return { kind: "embedded", pglite: client };
}

/** Starts pg-boss on `target` and creates the queues. Tests call it; the app uses jobEngine(). */
export async function startJobEngine(
  target: EngineTarget,
  options: EngineOptions = {},
): Promise<JobEngine> {
  const { PgBoss, fromPglite } = await import("pg-boss");
  const boss = new PgBoss({
    schema: SCHEMA,
    // No job here depends on another: its flow check need not run every 5 s (the default).
    flowIntervalSeconds: 60,
    ...(target.kind === "embedded"
      ? { db: fromPglite(target.pglite), backend: "pglite" as const }
      : { connectionString: target.databaseUrl, max: 4, application_name: "exist-ownership jobs" }),
  });
  // An 'error' event with no listener would throw and end the process.
  boss.on("error", (error) => logger.error(`jobs: ${describeError(error)}`));
  boss.on("warning", (warning) => logger.warn(`jobs: warning ${warning.message.slice(0, 200)}`));
  try {
    await boss.start();
    for (const [name, queue] of Object.entries(QUEUES)) await boss.createQueue(name, queue);
  } catch (error) {
    await boss.stop({ graceful: false, close: true }).catch(() => {});
    throw error;
  }
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? DEFAULT_POLLING[target.kind];
  // This process's workers by queue: a job sent to run now wakes them (pg-boss's notifyWorker).
  const workers = new Map<QueueName, Set<string>>();

  return {
    kind: target.kind,
    boss,
    send: async (queue, data, { key, startAfter }) => {
      const id = await boss.send(queue, data, {
        singletonKey: key,
        ...(startAfter ? { startAfter } : {}),
      });
      const due = !startAfter || startAfter.getTime() <= Date.now();
      if (id && due) for (const worker of workers.get(queue) ?? []) boss.notifyWorker(worker);
      return id;
    },
    work: async (queue, handler) => {
      const worker = await boss.work(
        queue,
        { pollingIntervalSeconds },
        async (jobs: Job<JobData[typeof queue]>[]) => {
          // batchSize 1: one job per call.
          for (const { id, data, retryCount, signal } of jobs) {
            await handler({ id, data, retryCount, signal });
          }
        },
      );
      workers.set(queue, (workers.get(queue) ?? new Set()).add(worker));
      return worker;
    },
    stop: ({ timeoutMs = 10_000 } = {}) =>
      boss.stop({ graceful: true, timeout: timeoutMs, close: true }),
  };
}

function describeError(error: Error): string {
  const message = error.message.length > 200 ? `${error.message.slice(0, 200)}…` : error.message;
  return `${error.name}: ${message}`;
}

type Registry = { __jobEngine?: Promise<JobEngine> };
const registry = globalThis as typeof globalThis & Registry;

/** The process's job engine, started on the process's database on first call. */
export function jobEngine(): Promise<JobEngine> {
  if (!registry.__jobEngine) {
    const starting = database().then((opened) =>
      startJobEngine(targetOf(opened, env().databaseUrl)),
    );
    registry.__jobEngine = starting;
    // A failed start is not kept: the next call tries again.
    starting.catch(() => {
      if (registry.__jobEngine === starting) registry.__jobEngine = undefined;
    });
  }
  return registry.__jobEngine;
}

/** Stops the process's job engine if it started; call before closing the database. */
export async function stopJobEngine(options?: { timeoutMs?: number }): Promise<void> {
  const starting = registry.__jobEngine;
  if (!starting) return;
  registry.__jobEngine = undefined;
  const engine = await starting.catch(() => undefined);
  await engine?.stop(options);
}
