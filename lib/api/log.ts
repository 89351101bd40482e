/**
 * One log line per request a route handler answered: method, route, status, and the calls to
 * Exist behind it. Nothing else goes in: no query string, header, cookie, body or token.
 */
import "server-only";
import type { ExistCallStats } from "@/lib/exist/call-stats";

export type ApiLogEntry = {
  method: string;
  /** The pathname only (our routes carry nothing secret in it). */
  route: string;
  status: number;
  /** Whole request, milliseconds. */
  ms: number;
  exist: ExistCallStats;
};

export function formatApiLog(entry: ApiLogEntry): string {
  const { method, route, status, ms, exist } = entry;
  return `api ${method} ${route} ${status} ${Math.round(ms)}ms exist_calls=${exist.calls} exist_ms=${Math.round(exist.ms)}`;
}

export function logApiCall(entry: ApiLogEntry): void {
  console.log(formatApiLog(entry));
}
