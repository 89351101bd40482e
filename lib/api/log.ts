/**
 * One log line per request a route handler answered, and per server-side prefetch of the
 * attributes page: method, route, status, and the calls to Exist behind it. Nothing else goes
 * in: no query string, header, cookie, body or token.
 */
import "server-only";
import type { ExistCallStats } from "@/lib/exist/call-stats";

export type ApiLogEntry = {
  /** `api` for a route handler, `prefetch` for a page's server-side load. */
  kind?: "api" | "prefetch";
  method: string;
  /** The pathname only (our routes carry nothing secret in it). */
  route: string;
  status: number;
  /** Whole request, milliseconds. */
  ms: number;
  exist: ExistCallStats;
};

export function formatApiLog(entry: ApiLogEntry): string {
  const { kind = "api", method, route, status, ms, exist } = entry;
  return `${kind} ${method} ${route} ${status} ${Math.round(ms)}ms exist_calls=${exist.calls} exist_ms=${Math.round(exist.ms)}`;
}

export function logApiCall(entry: ApiLogEntry): void {
  // Straight to stdout: console.log formats its arguments and goes through Next.js's console
  // wrappers, which cost more than the line itself.
  process.stdout.write(`${formatApiLog(entry)}\n`);
}
