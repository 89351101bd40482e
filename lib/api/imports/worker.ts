/**
 * The process's worker for `import-run` jobs, started with the server (instrumentation.ts) and
 * by the first import started: it runs lib/api/imports/run-import.ts for each job. At start it
 * makes sure every running import has a job (one whose instance died is retried by pg-boss;
 * one whose next run was never sent gets it here). With the stately queue a send while a job of
 * the import waits is a no-op, so this never doubles a run.
 */
import "server-only";
import { runImport } from "@/lib/api/imports/run-import";
import { runningImports } from "@/lib/api/imports/queries";
import { database } from "@/lib/db/database";
import { jobEngine } from "@/lib/jobs/engine";

const QUEUE = "import-run";

export async function sendImportRun(importId: string, startAfter?: Date): Promise<void> {
  const engine = await jobEngine();
  await engine.send(QUEUE, { importId }, { key: importId, ...(startAfter ? { startAfter } : {}) });
}

/**
 * At start-up: the worker only when an import is running or undoing (an idle server starts no
 * job engine); its start sends each of them a job.
 */
export async function resumeImportsAtStartup(): Promise<void> {
  const { db } = await database();
  if ((await runningImports(db)).length > 0) await startImportWorker();
}

type Registry = { __importWorker?: Promise<void> };
const registry = globalThis as typeof globalThis & Registry;

export function startImportWorker(): Promise<void> {
  if (!registry.__importWorker) {
    const starting = (async () => {
      const engine = await jobEngine();
      await engine.work(QUEUE, async ({ data, signal }) => {
        await runImport(data.importId, sendImportRun, signal);
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
      console.error(`imports: the worker did not start: ${(error as Error).message}`);
      if (registry.__importWorker === starting) registry.__importWorker = undefined;
    });
  }
  return registry.__importWorker;
}
