/**
 * How a request reaches Exist: Node's http/https with keep-alive connections. The WHATWG fetch
 * (undici, wrapped by Next.js's caching and tracing) cost about twice the CPU per call, and a
 * call to Exist was the largest part of a route handler's own time (bench/profile.ts).
 * Redirects are never followed: a redirect could carry the bearer token somewhere we did not
 * choose to send it. Unit tests inject a fetch instead (fetchTransport).
 *
 * Each attempt is an OpenTelemetry client span (a no-op unless lib/server/tracing.ts registered
 * a tracer): method, Exist's path (never the query, nor a header), status, attempt.
 */
import "server-only";
import http from "node:http";
import https from "node:https";
import { SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";

export type TransportRequest = {
  method: "GET" | "POST";
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
};

/** Exist's answer; `body` is read only for a 2xx status. */
export type TransportAnswer = { status: number; retryAfter: string | null; body: string };

/** Thrown for a connection that failed or an answer that did not come within the timeout. */
export class TransportError extends Error {
  constructor(public readonly timedOut: boolean) {
    super(timedOut ? "timeout" : "network error");
  }
}

export type Transport = (url: URL, request: TransportRequest) => Promise<TransportAnswer>;

const agents = {
  "http:": new http.Agent({ keepAlive: true, timeout: 4_000 }),
  "https:": new https.Agent({ keepAlive: true, timeout: 4_000 }),
};
// Decodes UTF-8 and drops a byte-order mark, as fetch's response.json() does.
const utf8 = new TextDecoder();
const ok = (status: number) => status >= 200 && status <= 299;

const tracer = trace.getTracer("exist-ownership/exist");

/** `send` (one attempt) inside a client span. */
export async function traced(
  url: URL,
  method: string,
  attempt: number,
  send: () => Promise<TransportAnswer>,
): Promise<TransportAnswer> {
  const span = tracer.startSpan(`Exist ${method} ${url.pathname}`, {
    kind: SpanKind.CLIENT,
    attributes: {
      "http.request.method": method,
      "server.address": url.hostname,
      "url.path": url.pathname,
      "exist.attempt": attempt,
      ...(attempt > 1 ? { "http.request.resend_count": attempt - 1 } : {}),
    },
  });
  try {
    const answer = await send();
    span.setAttribute("http.response.status_code", answer.status);
    if (!ok(answer.status)) span.setStatus({ code: SpanStatusCode.ERROR });
    return answer;
  } catch (error) {
    // Our own errors' messages only ("timeout", "network error"): nothing from the wire.
    span.setStatus({
      code: SpanStatusCode.ERROR,
      message: error instanceof TransportError ? error.message : "connection closed",
    });
    throw error;
  } finally {
    span.end();
  }
}

export const nodeTransport: Transport = async (url, request) => {
  try {
    return await traced(url, request.method, 1, () => exchange(url, request));
  } catch (error) {
    // Exist may close an idle kept-alive connection just as we reuse it: a GET is sent again
    // once, on a new connection.
    const reused = error instanceof ReusedSocketError;
    if (reused && request.method === "GET") {
      return traced(url, request.method, 2, () => exchange(url, request, true));
    }
    throw reused ? new TransportError(false) : error;
  }
};

class ReusedSocketError extends Error {}

function exchange(url: URL, request: TransportRequest, fresh = false): Promise<TransportAnswer> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let timedOut = false;
    const settle = (result: TransportAnswer | Error) => {
      if (settled) return;
      settled = true;
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const headers = { ...request.headers };
    if (request.body !== undefined)
      headers["Content-Length"] = String(Buffer.byteLength(request.body));
    const client = url.protocol === "https:" ? https : http;
    const outgoing = client.request(
      url,
      {
        method: request.method,
        headers,
        agent: fresh ? false : agents[url.protocol === "https:" ? "https:" : "http:"],
      },
      (response) => {
        const status = response.statusCode ?? 0;
        if (!ok(status)) {
          const retryAfter = response.headers["retry-after"];
          response.resume();
          settle({
            status,
            retryAfter: typeof retryAfter === "string" ? retryAfter : null,
            body: "",
          });
          return;
        }
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          settle({ status, retryAfter: null, body: utf8.decode(Buffer.concat(chunks)) }),
        );
        response.on("close", () => {
          if (!response.complete) settle(new TransportError(timedOut));
        });
      },
    );
    const timer = setTimeout(() => {
      timedOut = true;
      outgoing.destroy();
    }, request.timeoutMs);
    outgoing.on("close", () => clearTimeout(timer));
    outgoing.on("error", () => {
      const beforeAnswer = outgoing.reusedSocket && !timedOut;
      settle(beforeAnswer ? new ReusedSocketError() : new TransportError(timedOut));
    });
    outgoing.end(request.body);
  });
}

/** The same exchange through a fetch function (the unit tests' stubs). */
export function fetchTransport(fetchFn: typeof fetch): Transport {
  return (url, request) =>
    traced(url, request.method, 1, () => fetchExchange(fetchFn, url, request));
}

async function fetchExchange(
  fetchFn: typeof fetch,
  url: URL,
  request: TransportRequest,
): Promise<TransportAnswer> {
  try {
    const response = await fetchFn(url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: AbortSignal.timeout(request.timeoutMs),
      redirect: "error",
      cache: "no-store",
    });
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return {
        status: response.status,
        retryAfter: response.headers.get("Retry-After"),
        body: "",
      };
    }
    return { status: response.status, retryAfter: null, body: await response.text() };
  } catch (error) {
    const timedOut =
      error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    throw new TransportError(timedOut);
  }
}
