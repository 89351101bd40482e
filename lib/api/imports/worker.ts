/**
 * The process's worker for `import-run` jobs, started with the server (instrumentation.ts) and
 * by the first import started: it runs lib/api/imports/run-import.ts for each job. At start it
 * makes sure every running import has a job (one whose instance died is retried by pg-boss;
 * one whose next run was never sent gets it here). With the stately queue a send while a job of
 * the import waits is a no-op, so this never doubles a run.
 */
import "server-only";
import { runImport, type RunOutcome } from "@/lib/api/imports/run-import";
import { runningImports } from "@/lib/api/imports/queries";
import { database } from "@/lib/db/database";
import { jobEngine } from "@/lib/jobs/engine";
import { logger } from "@/lib/server/logger";

const QUEUE = "import-run";

export async function sendImportRun(importId: string, startAfter?: Date): Promise<void> {
  const engine = await jobEngine();
  await engine.send(QUEUE, { importId }, { key: importId, ...(startAfter ? { startAfter } : {}) });
}

/**
 * At start-up: on a PostgreSQL server, always, so that every instance sharing it takes the runs
 * of an import started through another (and finishes it if that one is gone); on the embedded
 * database, the one instance, only when an import is running or undoing (an idle process starts
 * no job engine, whose polling would queue behind every statement on PGlite's one connection).
 * Its start sends each running import a job.
 */
export async function resumeImportsAtStartup(): Promise<void> {
  const { db, kind } = await database();
  if (kind === "server" || (await runningImports(db)).length > 0) await startImportWorker();
}

type Registry = { __importWorker?: Promise<void> };
const registry = globalThis as typeof globalThis & Registry;

export function startImportWorker(): Promise<void> {
  if (!registry.__importWorker) {
    const starting = (async () => {
      const engine = await jobEngine();
      await engine.work(QUEUE, async ({ data, signal }) => {
        const outcome = await runImport(data.importId, sendImportRun, signal);
        // One line a run (one a window at most): which instance ran which import, and how far.
        logger.info(`imports: ran ${data.importId}: ${describeOutcome(outcome)}`);
      });
      const { db } = await database();
      const now = Date.now();
      for (const { id, waitingUntil } of await runningImports(db)) {
        await sendImportRun(
          id,
          waitingUntil && waitingUntil.getTime() > now ? waitingUntil : undefined,
        );
      }
    })();
    registry.__importWorker = starting;
    starting.catch((error: unknown) => {
      logger.error(`imports: the worker did not start: ${(error as Error).message}`);
      if (registry.__importWorker === starting) registry.__importWorker = undefined;
    });
  }
  return registry.__importWorker;
}

function describeOutcome(outcome: RunOutcome): string {
  if (outcome.kind === "wait") return `waits until ${outcome.until.toISOString()}`;
  return outcome.kind === "done" ? "done" : "stopped";
}
