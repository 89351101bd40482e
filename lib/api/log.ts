/**
 * One log line per request a route handler answered, and per server-side prefetch of the
 * attributes page: method, route, status, and the calls to Exist behind it. Nothing else goes
 * in: no query string, header, cookie, body or token. Plain text by default; with
 * LOG_FORMAT=json, one JSON object (lib/server/logger.ts) with the request's id and, when the
 * request is traced (OpenTelemetry), its trace's id.
 */
import "server-only";
import { isSpanContextValid, trace } from "@opentelemetry/api";
import type { ExistCallStats } from "@/lib/exist/call-stats";
import { jsonLine, logFormat } from "@/lib/server/logger";

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
  requestId?: string;
  /** The active span's trace, when there is one (JSON only). */
  traceId?: string;
  spanId?: string;
};

export function formatApiLog(entry: ApiLogEntry): string {
  const { kind = "api", method, route, status, ms, exist } = entry;
  return `${kind} ${method} ${route} ${status} ${Math.round(ms)}ms exist_calls=${exist.calls} exist_ms=${Math.round(exist.ms)}`;
}

export function formatApiJson(entry: ApiLogEntry, time = new Date()): string {
  const { kind = "api", method, route, status, ms, exist, requestId, traceId, spanId } = entry;
  return jsonLine(
    status >= 500 ? "error" : "info",
    `${kind} ${method} ${route} ${status}`,
    {
      kind,
      requestId,
      method,
      route,
      status,
      durationMs: Math.round(ms),
      existCalls: exist.calls,
      existMs: Math.round(exist.ms),
      traceId,
      spanId,
    },
    time,
  );
}

/** The trace and span the request runs in, when OpenTelemetry is on and traces it. */
export function activeTrace(): { traceId?: string; spanId?: string } {
  const context = trace.getActiveSpan()?.spanContext();
  if (!context || !isSpanContextValid(context)) return {};
  return { traceId: context.traceId, spanId: context.spanId };
}

export function logApiCall(entry: ApiLogEntry): void {
  // Straight to stdout: console.log formats its arguments and goes through Next.js's console
  // wrappers, which cost more than the line itself.
  if (logFormat() === "json") {
    process.stdout.write(`${formatApiJson({ ...activeTrace(), ...entry })}\n`);
  } else {
    process.stdout.write(`${formatApiLog(entry)}\n`);
  }
}
