/**
 * Test controls under `/__sandbox/` (listed in sandbox/README.md); the client is `e2e/sandbox.ts`.
 * JSON in and out; never logged, never faulted, never rate limited.
 */
import { Hono, type Context } from "hono";
import { z } from "zod";
import { attributeJson, sortedAttributes } from "./attributes";
import { ALL_SCOPES, parseScopes, unknownScopes } from "./scopes";
import { seedAccounts } from "./seed";
import { resetState, type LoggedRequest, type SandboxState } from "./state";
import { expireTokens, issueTokens, revokeTokens } from "./tokens";

const accountSchema = z.object({ account: z.string() });
const tokenSchema = accountSchema.extend({ scope: z.string().nullish() });
const ownerSchema = accountSchema.extend({ attribute: z.string(), service: z.string().nullable() });
const faultSchema = z.object({
  path: z.string().startsWith("/"),
  status: z.number().int().min(100).max(599).optional(),
  delayMs: z.number().int().min(0).max(600_000).optional(),
  times: z.number().int().min(1).default(1),
  body: z.string().optional(),
  headers: z.record(z.string(), z.string()).optional(),
  /** Destroy the connection without answering, as a server that went away would. */
  drop: z.boolean().optional(),
});
const cloneSchema = z.object({
  name: z.string().regex(/^[a-z0-9_]{1,40}$/, "must be a-z, 0-9 and _, at most 40 characters"),
  from: z.string(),
});

export type EndpointSummary = { calls: number; objects: number; statuses: Record<string, number> };

/** A logged call without its arrival time, as `GET /requests` lists it by default. */
function untimed({ method, path, query, status, objects }: LoggedRequest) {
  return { method, path, query, status, ...(objects === undefined ? {} : { objects }) };
}

/** The log per `METHOD path`: calls, objects sent in all of them, and calls per status. */
export function summarise(requests: readonly LoggedRequest[]): Record<string, EndpointSummary> {
  const summary: Record<string, EndpointSummary> = {};
  for (const request of requests) {
    const key = `${request.method} ${request.path}`;
    const entry = (summary[key] ??= { calls: 0, objects: 0, statuses: {} });
    entry.calls += 1;
    entry.objects += request.objects ?? 0;
    entry.statuses[request.status] = (entry.statuses[request.status] ?? 0) + 1;
  }
  return summary;
}

async function readJson<T>(c: Context, schema: z.ZodType<T>) {
  const body: unknown = await c.req.json().catch(() => undefined);
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true as const, data: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
  return { ok: false as const, response: c.json({ detail: `${where}${issue?.message}` }, 400) };
}

export function createControls(state: SandboxState) {
  const controls = new Hono({ strict: false });
  const ok = (c: Context) => c.json({ ok: true });
  const unknownAccount = (c: Context, account: string) =>
    c.json({ detail: `Unknown account '${account}'.` }, 404);

  controls.post("/reset", (c) => {
    resetState(state);
    return ok(c);
  });

  controls.post("/token", async (c) => {
    const body = await readJson(c, tokenSchema);
    if (!body.ok) return body.response;
    const { account, scope } = body.data;
    if (!state.accounts.has(account)) return unknownAccount(c, account);
    const scopes = scope ? parseScopes(scope) : [...ALL_SCOPES];
    const unknown = unknownScopes(scopes);
    if (unknown.length) return c.json({ detail: `Unknown scope(s): ${unknown.join(", ")}.` }, 400);
    return c.json(issueTokens(state, account, state.client.id, scopes));
  });

  controls.post("/faults", async (c) => {
    const body = await readJson(c, faultSchema);
    if (!body.ok) return body.response;
    state.faults.push(body.data);
    return c.json(body.data);
  });
  controls.delete("/faults", (c) => {
    state.faults = [];
    return ok(c);
  });

  for (const [path, change] of [
    ["/tokens/expire", expireTokens],
    ["/tokens/revoke", revokeTokens],
  ] as const) {
    controls.post(path, async (c) => {
      const body = await readJson(c, accountSchema);
      if (!body.ok) return body.response;
      if (!state.accounts.has(body.data.account)) return unknownAccount(c, body.data.account);
      change(state, body.data.account);
      return ok(c);
    });
  }

  // A copy of a seeded account under a new username (load tests need many distinct accounts);
  // gone again on reset, which rebuilds the seed.
  controls.post("/accounts", async (c) => {
    const body = await readJson(c, cloneSchema);
    if (!body.ok) return body.response;
    const { name, from } = body.data;
    if (state.accounts.has(name)) return c.json({ detail: `Account '${name}' exists.` }, 409);
    const copy = seedAccounts().get(from);
    if (!copy) return c.json({ detail: `Unknown seeded account '${from}'.` }, 404);
    copy.profile.username = name;
    state.accounts.set(name, copy);
    return c.json({ username: name, attributes: copy.attributes.size }, 201);
  });

  controls.post("/owner", async (c) => {
    const body = await readJson(c, ownerSchema);
    if (!body.ok) return body.response;
    const { account, attribute, service } = body.data;
    const found = state.accounts.get(account);
    if (!found) return unknownAccount(c, account);
    const record = found.attributes.get(attribute);
    if (!record) return c.json({ detail: `Attribute '${attribute}' not found.` }, 404);
    if (service !== null && !state.services.has(service)) {
      return c.json({ detail: `Unknown service '${service}'.` }, 400);
    }
    record.service = service;
    record.active = service !== null;
    if (service !== null && !record.availableServices.includes(service)) {
      record.availableServices.push(service);
    }
    return c.json(attributeJson(record, state.services));
  });

  controls.get("/state", (c) => {
    const account = c.req.query("account") ?? "";
    const found = state.accounts.get(account);
    if (!found) return unknownAccount(c, account);
    const results = sortedAttributes(found.attributes.values()).map((record) =>
      attributeJson(record, state.services),
    );
    return c.json({ count: results.length, results });
  });

  // `?path=` keeps the calls to one pathname, spelt as sent (`/api/2/attributes/update/`);
  // `?times=1` adds each call's arrival time (`at`), for figures that group calls by window.
  controls.get("/requests", (c) => {
    const path = c.req.query("path");
    const kept = path ? state.requests.filter((request) => request.path === path) : state.requests;
    if (c.req.query("times") === "1") return c.json(kept);
    return c.json(kept.map(untimed));
  });
  controls.get("/requests/summary", (c) => c.json(summarise(state.requests)));
  controls.delete("/requests", (c) => {
    state.requests = [];
    return ok(c);
  });

  return controls;
}
