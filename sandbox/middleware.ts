/**
 * What wraps the sandbox's routes: the request log, injected faults, bearer auth and the rate limit.
 */
import type { IncomingMessage } from "node:http";
import type { Context, MiddlewareHandler } from "hono";
import type { AccessToken, Fault, SandboxState } from "./state";
import { checkBearer } from "./tokens";

export type ApiEnv = { Variables: { token: AccessToken } };

/** Requests whose connection a `drop` fault destroyed: logged with status 0 (no answer). */
const dropped = new WeakSet<Request>();

function isLogged(path: string): boolean {
  return path.startsWith("/api/") || path.startsWith("/oauth2/");
}

/** How many objects a JSON array body held; undefined for any other body. */
function countObjects(body: string): number | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    return Array.isArray(parsed) ? parsed.length : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Records API and OAuth calls for `GET /__sandbox/requests`, with the object count of API POSTs.
 * The body is read here, before any fault or handler: Hono keeps it for the handler's own read.
 */
export function requestLog(state: SandboxState): MiddlewareHandler {
  return async (c, next) => {
    const url = new URL(c.req.url);
    if (!isLogged(url.pathname)) return next();
    const at = state.now();
    const counted = c.req.method === "POST" && url.pathname.startsWith("/api/");
    const objects = counted ? countObjects(await c.req.text().catch(() => "")) : undefined;
    await next();
    state.requests.push({
      method: c.req.method,
      path: url.pathname,
      query: url.search.replace(/^\?/, ""),
      status: dropped.has(c.req.raw) ? 0 : c.res.status,
      ...(objects === undefined ? {} : { objects }),
      at,
    });
  };
}

function takeFault(state: SandboxState, path: string): Fault | undefined {
  const index = state.faults.findIndex((fault) => fault.path === path);
  const fault = state.faults[index];
  if (!fault) return undefined;
  fault.times -= 1;
  if (fault.times <= 0) state.faults.splice(index, 1);
  return fault;
}

function faultResponse(fault: Fault): Response {
  const status = fault.status ?? 200;
  const silent = status === 204 || status === 304 || status === 429;
  const body =
    fault.body ?? (silent ? null : JSON.stringify({ detail: `Sandbox fault (${status}).` }));
  const headers = new Headers(body === null ? {} : { "Content-Type": "application/json" });
  for (const [name, value] of Object.entries(fault.headers ?? {})) headers.set(name, value);
  return new Response(body, { status, headers });
}

/**
 * Faults registered with `POST /__sandbox/faults` match the pathname exactly. After the delay they
 * answer with their status/body, or, with only a delay, let the request through.
 */
export function faultInjection(state: SandboxState): MiddlewareHandler {
  return async (c, next) => {
    // The raw pathname: `c.req.path` drops the trailing slash when routing is not strict.
    const path = new URL(c.req.url).pathname;
    if (path.startsWith("/__sandbox/")) return next();
    const fault = takeFault(state, path);
    if (!fault) return next();
    if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (fault.drop) {
      // @hono/node-server passes Node's request as `c.env.incoming`; in-process (app.request)
      // there is no socket, and the 502 below stands in for the dropped connection.
      dropped.add(c.req.raw);
      const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
      incoming?.socket.destroy();
      return new Response(null, { status: 502 });
    }
    if (fault.status === undefined && fault.body === undefined) {
      await next();
      for (const [name, value] of Object.entries(fault.headers ?? {})) c.header(name, value);
      return;
    }
    return faultResponse(fault);
  };
}

function unauthorized(c: Context, detail: string): Response {
  c.header("WWW-Authenticate", 'Bearer realm="api"');
  return c.json({ detail }, 401);
}

/**
 * Counts the request against the token's current window; false when the window is full.
 * Windows are fixed and aligned to the clock (every whole hour by default), as Exist's limit
 * lasts "until the next hour": https://developer.exist.io/guide/read_client/
 */
function takeRateSlot(state: SandboxState, accessToken: string, now: number): boolean {
  const start = Math.floor(now / state.rateWindowMs) * state.rateWindowMs;
  const window = state.rateWindows.get(accessToken);
  const current = window && window.start === start ? window : { start, count: 0 };
  state.rateWindows.set(accessToken, current);
  if (current.count >= state.rateLimit) return false;
  current.count += 1;
  return true;
}

/**
 * `Authorization: Bearer`, then at most `rateLimit` requests per token a window. Over it: 429,
 * no data, and `Retry-After` with the seconds left until the window ends.
 */
export function bearerAuth(state: SandboxState): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const check = checkBearer(state, c.req.header("Authorization"));
    if (!check.ok) return unauthorized(c, check.detail);
    const now = state.now();
    if (!takeRateSlot(state, check.value, now)) {
      const end = (Math.floor(now / state.rateWindowMs) + 1) * state.rateWindowMs;
      const retryAfter = Math.max(1, Math.ceil((end - now) / 1000));
      return c.body(null, 429, { "Retry-After": String(retryAfter) });
    }
    c.set("token", check.token);
    await next();
  };
}
