/**
 * Logs a log system can read, and traces: the production server with LOG_FORMAT=json and an
 * OTLP endpoint, that of a small OTLP/HTTP receiver run here (JSON encoding). After a sign-in
 * and a load of /api/attributes: every line of the output is a JSON object, the request's line
 * names its id, route, status, time, calls to Exist and trace; the receiver got the route's span
 * and a child span for the call to Exist in the same trace; no token, cookie or code anywhere.
 */
import http from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { SANDBOX_CLIENT } from "../../lib/sandbox-client";
import { APP_PORT, TEST_AUTH_SECRET } from "../env";
import { expect, httpTest as test } from "../fixtures";
import { openCookie } from "../session";
import { signInOverHttp } from "./http-sign-in";
import {
  copyStandalone,
  removeCopy,
  startProductionSandbox,
  startStandalone,
  type ServerProcess,
} from "./servers";

/** Clear of the ports the other tests use (APP_PORT + 20.., + 40..). */
const RECEIVER_PORT = APP_PORT + 60;

type OtlpValue = { stringValue?: string; intValue?: string | number; boolValue?: boolean };
type OtlpSpan = {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: Array<{ key: string; value: OtlpValue }>;
};
type Export = {
  resourceSpans: Array<{
    resource: { attributes: Array<{ key: string; value: OtlpValue }> };
    scopeSpans: Array<{ spans: OtlpSpan[] }>;
  }>;
};

let copy = "";
let sandbox: ServerProcess | undefined;
let server: ServerProcess | undefined;
let receiver: http.Server | undefined;
let dataDir = "";
const bodies: string[] = [];
const exports: Export[] = [];

function startReceiver(): Promise<http.Server> {
  const listening = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      if (request.method !== "POST" || request.url !== "/v1/traces") {
        response.writeHead(404).end();
        return;
      }
      bodies.push(body);
      exports.push(JSON.parse(body) as Export);
      response.writeHead(200, { "Content-Type": "application/json" }).end("{}");
    });
  });
  return new Promise((resolve) =>
    listening.listen(RECEIVER_PORT, "127.0.0.1", () => resolve(listening)),
  );
}

const spans = () =>
  exports.flatMap((batch) =>
    batch.resourceSpans.flatMap((resource) =>
      resource.scopeSpans.flatMap((scope) =>
        scope.spans.map((span) => ({
          ...span,
          service: resource.resource.attributes.find(({ key }) => key === "service.name")?.value
            .stringValue,
          attrs: Object.fromEntries(
            (span.attributes ?? []).map(({ key, value }) => [
              key,
              value.stringValue ?? value.intValue ?? value.boolValue,
            ]),
          ),
        })),
      ),
    ),
  );

test.beforeAll(async () => {
  ({ dir: copy } = copyStandalone());
  sandbox = await startProductionSandbox();
  receiver = await startReceiver();
});

test.afterAll(async () => {
  await server?.stop("SIGKILL");
  await sandbox?.stop("SIGKILL");
  await new Promise((resolve) => receiver?.close(resolve));
  if (copy) removeCopy(copy);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test("JSON logs and OTLP traces of a sign-in and a load, with no secret in either", async () => {
  test.setTimeout(180_000);
  dataDir = mkdtempSync(path.join(tmpdir(), "exist-ownership-e2e-telemetry-"));
  const started = performance.now();
  server = await startStandalone(copy, 0, {
    DATA_DIR: dataDir,
    LOG_FORMAT: "json",
    OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(receiver?.address() as AddressInfo).port}`,
    OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
    // Export within a fraction of a second (the default waits 5 s).
    OTEL_BSP_SCHEDULE_DELAY: "200",
  });
  test.info().annotations.push({
    type: "start-up",
    description: `${Math.round(performance.now() - started)} ms to /api/health with tracing on`,
  });

  const cookie = await signInOverHttp(server.url);
  const session = await openCookie(cookie);
  // `max-age=0`: past the cache the sign-in's page load filled, so that Exist is asked.
  const attributes = await fetch(`${server.url}/api/attributes`, {
    headers: { Cookie: cookie, "Cache-Control": "max-age=0" },
  });
  expect(attributes.status).toBe(200);
  const requestId = attributes.headers.get("x-request-id") ?? "";
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  // A sane id sent in is kept, so that a proxy's logs and ours name the same request.
  const named = await fetch(`${server.url}/api/attributes`, {
    headers: { Cookie: cookie, "X-Request-Id": "edge-42.a" },
  });
  expect(named.headers.get("x-request-id")).toBe("edge-42.a");

  // The route's span (Next.js's) and, in its trace, the call to Exist (ours) under it.
  const isExistCall = (span: { name: string }) =>
    span.name.startsWith("Exist GET /api/2/attributes/");
  const tracedLoad = () =>
    spans()
      .filter(
        (span) =>
          span.service === "exist-ownership" && span.attrs["http.route"] === "/api/attributes",
      )
      .find((root) => spans().some((span) => span.traceId === root.traceId && isExistCall(span)));
  await expect.poll(() => tracedLoad()?.name, { timeout: 15_000 }).toBe("GET /api/attributes");
  const route = tracedLoad();
  const trace = spans().filter((span) => span.traceId === route?.traceId);
  const call = trace.find(isExistCall);
  expect(call?.attrs).toMatchObject({
    "http.request.method": "GET",
    "exist.attempt": expect.anything(),
    "http.response.status_code": expect.anything(),
  });
  expect(String(call?.attrs["url.path"])).toMatch(/^\/api\/2\/attributes\//);
  // Under the route's span, through Next.js's handler span between them; the trace's root is
  // the request's span.
  const byId = new Map(trace.map((span) => [span.spanId, span]));
  const ancestors: string[] = [];
  for (let at = call; at?.parentSpanId; at = byId.get(at.parentSpanId)) {
    ancestors.push(at.parentSpanId);
  }
  expect(ancestors).toContain(route?.spanId);
  const root = byId.get(ancestors.at(-1) ?? "");
  expect(root?.parentSpanId).toBeFalsy();
  expect(root?.attrs["http.target"]).toBe("/api/attributes");

  // Every line of the output is one JSON object with time, level and message, Next.js's banner
  // (printed before instrumentation.ts runs) included: the preload's work (json-logs.spec.ts).
  await server.stop("SIGTERM");
  const lines = [server.stdout(), server.stderr()].flatMap((text) =>
    text.split("\n").filter((line) => line.trim()),
  );
  expect(lines.length).toBeGreaterThan(3);
  const entries = lines.map((line) => {
    let entry: Record<string, unknown> = {};
    expect(() => (entry = JSON.parse(line) as Record<string, unknown>), line).not.toThrow();
    expect(entry, line).toMatchObject({
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      level: expect.stringMatching(/^(debug|info|warn|error)$/),
      msg: expect.any(String),
    });
    return entry;
  });
  const line = entries.find((entry) => entry.requestId === requestId);
  expect(line).toEqual({
    time: expect.any(String),
    level: "info",
    msg: "api GET /api/attributes 200",
    kind: "api",
    requestId,
    method: "GET",
    route: "/api/attributes",
    status: 200,
    durationMs: expect.any(Number),
    existCalls: expect.any(Number),
    existMs: expect.any(Number),
    traceId: expect.stringMatching(/^[0-9a-f]{32}$/),
    spanId: expect.stringMatching(/^[0-9a-f]{16}$/),
  });
  // The log line and the trace name the same request (the span: the route handler's).
  expect(line?.traceId).toBe(route?.traceId);
  expect(byId.get(String(line?.spanId))?.name).toBe("executing api route (app) /api/attributes");
  expect(line?.existCalls).toBeGreaterThan(0);
  expect(entries.find((entry) => entry.requestId === "edge-42.a")?.status).toBe(200);
  expect(entries.some((entry) => String(entry.msg).startsWith("shutdown: done"))).toBe(true);

  // No secret in the log or in what was exported.
  const cookieValue = cookie.split("=").slice(1).join("=");
  const secrets: Record<string, string> = {
    "client secret": SANDBOX_CLIENT.secret,
    AUTH_SECRET: TEST_AUTH_SECRET,
    "access token": session.accessToken,
    "refresh token": session.refreshToken,
    "cookie value": cookieValue,
  };
  const output = server.output();
  const exported = bodies.join("\n");
  for (const [what, secret] of Object.entries(secrets)) {
    expect(secret.length, what).toBeGreaterThan(8);
    for (const [where, text] of [
      ["log", output],
      ["spans", exported],
    ] as const) {
      expect(text.includes(secret.slice(0, 16)), `${what} in the ${where}`).toBe(false);
    }
  }
  // The OAuth callback's code and state went through Next.js's spans, scrubbed.
  expect(exported).toContain("/api/auth/callback/exist");
  expect(exported).not.toMatch(/[?&](code|state)=/);
});
