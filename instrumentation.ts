/**
 * Runs once when a Next.js server starts (not during `next build`): opens the database, so a
 * DATABASE_URL that cannot be used, or an embedded data folder another process holds, stops
 * start-up with a message naming it instead of failing later, request by request; then starts
 * pruning history older than the retention period.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { openAtStartup } = await import("@/lib/db/startup");
  await openAtStartup();
  const { schedulePruning } = await import("@/lib/api/history/prune-history");
  await schedulePruning();
}
