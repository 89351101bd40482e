import { AsyncLocalStorage } from "node:async_hooks";
import {
  ROOT_CONTEXT,
  context,
  trace,
  type Context,
  type ContextManager,
} from "@opentelemetry/api";
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from "@opentelemetry/sdk-trace-base";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fetchTransport } from "@/lib/exist/transport";
import { scrubbingProcessor } from "@/lib/server/tracing";

const ACCESS = "0123456789abcdef0123456789abcdef01234567";
const exporter = new InMemorySpanExporter();

/** What @vercel/otel installs (its AsyncLocalStorage context manager), in a few lines. */
const storage = new AsyncLocalStorage<Context>();
const contextManager: ContextManager = {
  active: () => storage.getStore() ?? ROOT_CONTEXT,
  with: (value, fn, thisArg, ...args) => storage.run(value, () => fn.apply(thisArg, args)),
  bind: (_, target) => target,
  enable: () => contextManager,
  disable: () => contextManager,
};

beforeAll(() => {
  contextManager.enable();
  context.setGlobalContextManager(contextManager);
  trace.setGlobalTracerProvider(
    new BasicTracerProvider({
      spanProcessors: [scrubbingProcessor, new SimpleSpanProcessor(exporter)],
    }),
  );
});

afterAll(() => {
  trace.disable();
  context.disable();
});

beforeEach(() => exporter.reset());

const answering = (status: number) =>
  fetchTransport(async () => new Response(status === 200 ? "{}" : null, { status }));

describe("a span per call to Exist", () => {
  it("names method, path, status and attempt, under the request's span, never a token", async () => {
    const tracer = trace.getTracer("test");
    await tracer.startActiveSpan("GET /api/attributes", async (route) => {
      await answering(200)(
        new URL(`http://exist.test/api/2/attributes/owned/?access_token=${ACCESS}`),
        {
          method: "GET",
          headers: { Authorization: `Bearer ${ACCESS}` },
          timeoutMs: 1_000,
        },
      );
      route.end();
    });
    const [call, route] = exporter.getFinishedSpans();
    expect(call?.name).toBe("Exist GET /api/2/attributes/owned/");
    expect(call?.attributes).toEqual({
      "http.request.method": "GET",
      "server.address": "exist.test",
      "url.path": "/api/2/attributes/owned/",
      "exist.attempt": 1,
      "http.response.status_code": 200,
    });
    expect(call?.parentSpanContext?.spanId).toBe(route?.spanContext().spanId);
    expect(call?.spanContext().traceId).toBe(route?.spanContext().traceId);
    const exported = exporter
      .getFinishedSpans()
      .map(({ name, attributes, events, status }) => ({ name, attributes, events, status }));
    expect(JSON.stringify(exported)).not.toContain(ACCESS);
  });

  it("marks a refused call as an error", async () => {
    await answering(401)(new URL("http://exist.test/api/2/accounts/profile/"), {
      method: "GET",
      headers: {},
      timeoutMs: 1_000,
    });
    const [call] = exporter.getFinishedSpans();
    expect(call?.attributes["http.response.status_code"]).toBe(401);
    expect(call?.status.code).toBe(2);
  });
});

describe("the spans Next.js makes", () => {
  it("leave the process without a query string or a token", () => {
    const span = trace.getTracer("test").startSpan("GET /api/auth/callback/exist?code=abc123", {
      attributes: {
        "http.target": "/api/auth/callback/exist?code=abc123&state=xyz",
        "http.url": `http://localhost:3000/api/auth/callback/exist?code=abc123`,
        "url.query": "code=abc123",
        "next.route": "/api/auth/[...nextauth]",
      },
    });
    span.recordException({ name: "Error", message: `token ${ACCESS} refused` });
    span.end();
    const [ended] = exporter.getFinishedSpans();
    expect(ended?.name).toBe("GET /api/auth/callback/exist");
    expect(ended?.attributes).toEqual({
      "http.target": "/api/auth/callback/exist",
      "http.url": "http://localhost:3000/api/auth/callback/exist?[redacted]",
      "next.route": "/api/auth/[...nextauth]",
    });
    expect(ended?.events[0]?.attributes?.["exception.message"]).toBe("token [redacted] refused");
    expect(JSON.stringify(ended?.attributes)).not.toContain("abc123");
  });
});
