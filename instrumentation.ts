/**
 * Runs once when a Next.js server starts (not during `next build`): takes over the shutdown
 * (lib/server/shutdown.ts: drain requests, jobs and history writes, then close the database);
 * opens the database, so a DATABASE_URL that cannot be used, or an embedded data folder another
 * process holds, stops start-up with a message naming it instead of failing later, request by
 * request; then starts pruning history older than the retention period, and resumes the imports
 * that were running.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installShutdown } = await import("@/lib/server/shutdown");
  const { closeDatabase } = await import("@/lib/db/database");
  const { allWritesDone } = await import("@/lib/api/history/store");
  const { stopJobEngine } = await import("@/lib/jobs/engine");
  installShutdown({
    writesDone: allWritesDone,
    stopJobs: (timeoutMs) => stopJobEngine({ timeoutMs }),
    closeDatabase,
  });
  const { openAtStartup } = await import("@/lib/db/startup");
  await openAtStartup();
  const { schedulePruning } = await import("@/lib/api/history/prune-history");
  await schedulePruning();
  // Imports that were running when the server stopped go on.
  const { resumeImportsAtStartup } = await import("@/lib/api/imports/worker");
  await resumeImportsAtStartup().catch((error: unknown) => {
    console.error(`imports: cannot resume: ${(error as Error).message}`);
  });
}
