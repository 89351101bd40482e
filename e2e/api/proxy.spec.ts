/**
 * The route handlers as a proxy of Exist (the sandbox): what they answer, and exactly which
 * calls they make upstream.
 */
import { expect, httpTest as test } from "../fixtures";
import type {
  AttributesResponse,
  OwnershipResponse,
  TemplatesResponse,
} from "../../lib/api/contract";
import type { SandboxRequest } from "../sandbox";
import { sealSession } from "../session";
import { call, post } from "./http";

const OUR_SERVICE = "exist_ownership";

const upstream = (requests: SandboxRequest[], path: string) =>
  requests.filter((request) => request.path === path);

test("GET /api/attributes: every attribute in Exist's order, with ownedByApp and writable groups", async ({
  sandbox,
}) => {
  const { cookie, tokens } = await sealSession("demo");
  await sandbox.setOwner("demo", "steps", OUR_SERVICE);
  const answer = await call("/api/attributes", { cookie });
  expect(answer.status).toBe(200);
  expect(answer.headers.get("cache-control")).toContain("no-store");
  const body = answer.body as AttributesResponse;

  const state = await sandbox.state("demo");
  expect(body.attributes.map((item) => item.name).sort()).toEqual(
    state.map((item) => item.name).sort(),
  );
  const owned = body.attributes.filter((item) => item.ownedByApp).map((item) => item.name);
  expect(owned).toEqual(
    state.filter((item) => item.service?.name === OUR_SERVICE).map((item) => item.name),
  );
  expect(owned).toContain("steps");
  const order = body.attributes.map((item) => [item.group.priority, item.priority]);
  expect(order).toEqual(
    [...order].sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0) || (a[1] ?? 0) - (b[1] ?? 0)),
  );
  expect(body.writableGroups).toContain("mood");
  expect(body.manualWrite).toBe(tokens.scope.split(" ").includes("manual_write"));
});

test("writable groups and manual write follow the granted scopes", async () => {
  const { cookie } = await sealSession("demo", {
    scope: "mood_read mood_write activity_read manual_write",
  });
  const body = (await call("/api/attributes", { cookie })).body as AttributesResponse;
  expect(body.writableGroups).toEqual(["mood"]);
  expect(body.manualWrite).toBe(true);
});

test("all pages of a ~600-attribute account, each with every documented filter", async ({
  sandbox,
}) => {
  const { cookie } = await sealSession("heavy");
  await sandbox.clearRequests();
  const answer = await call("/api/attributes", { cookie });
  expect(answer.status).toBe(200);
  const { attributes } = answer.body as AttributesResponse;
  expect(attributes.length).toBe((await sandbox.state("heavy")).length);
  expect(attributes.length).toBeGreaterThan(500);

  const pages = upstream(await sandbox.requests(), "/api/2/attributes/");
  expect(pages).toHaveLength(Math.ceil(attributes.length / 100));
  for (const page of pages) {
    const query = new URLSearchParams(page.query);
    expect(query.get("limit")).toBe("100");
    expect(query.get("include_inactive")).toBe("true");
    expect(query.get("include_low_priority")).toBe("true");
  }
  expect(pages.map((page) => new URLSearchParams(page.query).get("page") ?? "1").sort()).toEqual(
    pages.map((_, index) => String(index + 1)),
  );
});

test("GET /api/templates: only templates the user does not have yet", async ({ sandbox }) => {
  const { cookie } = await sealSession("new");
  const answer = await call("/api/templates", { cookie });
  expect(answer.status).toBe(200);
  const { templates } = answer.body as TemplatesResponse;
  const have = new Set((await sandbox.state("new")).map((item) => item.template));
  expect(templates.length).toBeGreaterThan(0);
  expect(templates.filter((template) => have.has(template.name))).toEqual([]);
});

test("acquiring 100 attributes is exactly 3 upstream acquire calls", async ({ sandbox }) => {
  const { cookie } = await sealSession("heavy");
  const names = (await sandbox.state("heavy"))
    .filter((item) => item.service?.name !== OUR_SERVICE)
    .slice(0, 100)
    .map((item) => ({ name: item.name }));
  expect(names).toHaveLength(100);
  await sandbox.clearRequests();

  const answer = await post("/api/attributes/acquire", names, cookie);
  expect(answer.status).toBe(200);
  expect(answer.body).toMatchObject({ failed: [] });
  expect((answer.body as { success: unknown[] }).success).toHaveLength(100);

  const requests = await sandbox.requests();
  expect(requests.map((request) => request.path)).toEqual(
    Array(3).fill("/api/2/attributes/acquire/"),
  );
  const state = await sandbox.state("heavy");
  const ours = new Set(
    state.filter((item) => item.service?.name === OUR_SERVICE).map((item) => item.name),
  );
  expect(names.every((item) => ours.has(item.name))).toBe(true);
});

test("acquire and release answer like Exist: 202 with each failed item's error_code", async () => {
  const { cookie } = await sealSession("demo");
  const acquired = await post("/api/attributes/acquire", [{ name: "mood" }], cookie);
  expect(acquired.status).toBe(200);

  const released = await post(
    "/api/attributes/release",
    [{ name: "mood" }, { name: "steps" }],
    cookie,
  );
  expect(released.status).toBe(202);
  expect(released.body).toEqual({
    // success_objects=true: Exist answers with the changed attribute itself.
    success: [expect.objectContaining({ name: "mood", label: "Mood", active: true })],
    failed: [
      {
        name: "steps",
        error_code: "unauthorised",
        error: "Attribute 'steps' does not belong to this service",
      },
    ],
  });
});

test("a later chunk failing keeps the earlier results: 202 with the items not sent as untried", async ({
  sandbox,
}) => {
  const { cookie } = await sealSession("heavy");
  const names = (await sandbox.state("heavy")).slice(0, 80).map((item) => ({ name: item.name }));
  const path = "/api/2/attributes/acquire/";
  // The first fault only lets the first chunk through; the second breaks the second chunk.
  await sandbox.fault({ path, delayMs: 0 });
  await sandbox.fault({ path, status: 500, body: '{"detail":"Traceback: secret internals"}' });
  await sandbox.clearRequests();

  const answer = await post("/api/attributes/acquire", names, cookie);
  expect(answer.status).toBe(202);
  const body = answer.body as OwnershipResponse;
  expect(body.success).toHaveLength(35);
  expect(body.failed).toEqual([]);
  expect(body.untried).toEqual({
    items: names.slice(35),
    code: "upstream_error",
    message: "Exist had a problem (HTTP 500).",
  });
  expect(answer.text).not.toContain("Traceback");
  expect(upstream(await sandbox.requests(), path)).toHaveLength(2);
});

test("Exist 429 → 429 rate_limited with Retry-After, and no retry", async ({ sandbox }) => {
  const { cookie } = await sealSession("demo");
  await sandbox.fault({
    path: "/api/2/attributes/acquire/",
    status: 429,
    headers: { "Retry-After": "42" },
  });
  await sandbox.clearRequests();
  const answer = await post("/api/attributes/acquire", [{ name: "mood" }], cookie);
  expect(answer.status).toBe(429);
  expect(answer.body).toEqual({ error: { code: "rate_limited", message: expect.any(String) } });
  expect(answer.headers.get("retry-after")).toBe("42");
  expect(await sandbox.requests()).toHaveLength(1);
});

test("Exist 5xx → 502 upstream_error without Exist's body", async ({ sandbox }) => {
  const { cookie } = await sealSession("demo");
  await sandbox.fault({
    path: "/api/2/attributes/",
    status: 503,
    body: '{"detail":"Traceback (most recent call last): secret internals"}',
  });
  const answer = await call("/api/attributes", { cookie });
  expect(answer.status).toBe(502);
  expect(answer.body).toEqual({ error: { code: "upstream_error", message: expect.any(String) } });
  expect(answer.text).not.toMatch(/Traceback|secret internals/);
});

test("Exist answering nonsense → 502 upstream_error", async ({ sandbox }) => {
  const { cookie } = await sealSession("demo");
  await sandbox.fault({ path: "/api/2/attributes/templates/", status: 200, body: "<html>oops" });
  const answer = await call("/api/templates", { cookie });
  expect(answer.status).toBe(502);
  expect(answer.body).toMatchObject({ error: { code: "upstream_error" } });
});

test("no answer within the timeout → 504 upstream_timeout", async ({ sandbox }) => {
  const { cookie } = await sealSession("demo");
  // e2e/env.ts sets EXIST_TIMEOUT_MS to 3 s.
  await sandbox.fault({ path: "/api/2/attributes/release/", delayMs: 5_000, status: 200 });
  const answer = await post("/api/attributes/release", [{ name: "mood" }], cookie);
  expect(answer.status).toBe(504);
  expect(answer.body).toEqual({ error: { code: "upstream_timeout", message: expect.any(String) } });
  // The sandbox logs a request once it has answered it: wait for the late answer here, or it
  // lands in the next test's log. Sent once: a POST is never retried.
  await expect
    .poll(async () => upstream(await sandbox.requests(), "/api/2/attributes/release/"), {
      timeout: 10_000,
    })
    .toHaveLength(1);
});
