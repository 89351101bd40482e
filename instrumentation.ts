/**
 * Runs once when a Next.js server starts (not during `next build`): takes over the shutdown
 * (lib/server/shutdown.ts: drain requests, jobs and history writes, then close the database);
 * opens the database, so a DATABASE_URL that cannot be used, or an embedded data folder another
 * process holds, stops start-up with a message naming it instead of failing later, request by
 * request; listens for the cache changes of other instances sharing the database
 * (lib/api/cache-sync.ts); starts pruning history older than the retention period; and resumes
 * the imports that were running. With LOG_FORMAT=json, the console writes JSON lines; with an
 * OTLP endpoint set, OpenTelemetry traces requests (lib/server/tracing.ts).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // LOG_FORMAT=json: Next.js's own lines (and any library's) become JSON lines: the console's,
  // at their levels, from here on; anything written to stdout or stderr, since the process
  // started when the production preload ran it (lib/server/json-output.ts), from here otherwise.
  const { jsonOutput } = await import("@/lib/server/json-output");
  jsonOutput();
  const { jsonConsole, logger } = await import("@/lib/server/logger");
  jsonConsole();
  // Without an OTLP endpoint, no OpenTelemetry SDK is loaded at all (its API stays a no-op).
  const otlp = Boolean(
    process.env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() ||
    process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim(),
  );
  const tracing = otlp ? await import("@/lib/server/tracing") : undefined;
  tracing?.startTracing();
  const { installShutdown } = await import("@/lib/server/shutdown");
  const { closeDatabase } = await import("@/lib/db/database");
  const { allWritesDone } = await import("@/lib/api/history/store");
  const { stopJobEngine } = await import("@/lib/jobs/engine");
  const { startCacheSync, stopCacheSync } = await import("@/lib/api/cache-sync");
  installShutdown({
    // The spans still buffered go out meanwhile.
    writesDone: async () => {
      await Promise.all([allWritesDone(), tracing?.flushTraces().catch(() => {})]);
    },
    stopJobs: (timeoutMs) => stopJobEngine({ timeoutMs }),
    // The cache listener's connection is not the pool's: closed first, or it would outlive it.
    closeDatabase: async () => {
      await stopCacheSync().catch(() => {});
      await closeDatabase();
    },
  });
  const { openAtStartup } = await import("@/lib/db/startup");
  await openAtStartup();
  await startCacheSync();
  const { schedulePruning } = await import("@/lib/api/history/prune-history");
  await schedulePruning();
  // Imports that were running when the server stopped go on.
  const { resumeImportsAtStartup } = await import("@/lib/api/imports/worker");
  await resumeImportsAtStartup().catch((error: unknown) => {
    logger.error(`imports: cannot resume: ${(error as Error).message}`);
  });
}
