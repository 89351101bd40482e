/**
 * OpenTelemetry, on only when OTEL_EXPORTER_OTLP_ENDPOINT (or ..._TRACES_ENDPOINT) is set:
 * instrumentation.ts imports this module then, and only then. `@vercel/otel` registers the
 * tracer provider and an OTLP exporter configured by the standard OTEL_* variables
 * (docs/operations.md); Next.js then traces every request and route handler, and
 * lib/exist/transport.ts adds a span per call to Exist.
 *
 * Before a span leaves the process, its name and attributes are scrubbed like a log line
 * (lib/server/logger.ts): Next.js puts the request's target, query string included (an OAuth
 * callback's code and state), in its spans.
 */
import "server-only";
import { trace, type Attributes } from "@opentelemetry/api";
import type { ReadableSpan, SpanProcessor } from "@opentelemetry/sdk-trace-base";
import { registerOTel } from "@vercel/otel";
import { scrub } from "@/lib/server/logger";

export const SERVICE_NAME = "exist-ownership";

/** Attributes that hold a whole query string. */
const QUERY_KEYS = new Set(["url.query", "http.query"]);

/** A span's attributes, scrubbed in place (the exporter reads them after this). */
export function scrubAttributes(attributes: Attributes): void {
  for (const [key, value] of Object.entries(attributes)) {
    if (QUERY_KEYS.has(key)) {
      delete attributes[key];
    } else if (typeof value === "string") {
      // A target or path with its query (`/api/auth/callback/exist?code=…`): the path only.
      const pathOnly = /^\//.test(value) ? value.replace(/[?#].*$/s, "") : value;
      attributes[key] = scrub(pathOnly);
    } else if (Array.isArray(value)) {
      attributes[key] = value.map((item) => (typeof item === "string" ? scrub(item) : item)) as
        string[] | number[];
    }
  }
}

export function scrubName(name: string): string {
  return scrub(name.replace(/\?\S*/, ""));
}

/** Runs first at each span's end, before the exporting processor sees it. */
export const scrubbingProcessor: SpanProcessor = {
  onStart() {},
  onEnd(span: ReadableSpan) {
    const writable = span as { -readonly [K in keyof ReadableSpan]: ReadableSpan[K] };
    writable.name = scrubName(span.name);
    scrubAttributes(span.attributes);
    for (const event of span.events) if (event.attributes) scrubAttributes(event.attributes);
  },
  forceFlush: async () => {},
  shutdown: async () => {},
};

export function startTracing(): void {
  registerOTel({
    serviceName: SERVICE_NAME,
    spanProcessors: [scrubbingProcessor, "auto"],
    // No fetch instrumentation: the server reaches Exist through node:http (its spans are ours).
    instrumentations: [],
  });
}

/** Sends the spans still buffered: called at shutdown, before the process exits. */
export async function flushTraces(): Promise<void> {
  const provider = trace.getTracerProvider() as {
    getDelegate?: () => { forceFlush?: () => Promise<void> };
  };
  await provider.getDelegate?.().forceFlush?.();
}
