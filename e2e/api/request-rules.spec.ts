/**
 * The rules every route handler keeps: each rejected request gets its status and error code in
 * the envelope, and nothing at all is sent to Exist for it. The hostile inputs (origin, media type,
 * size, JSON, schema, method, session) are one table in e2e/hardening/hostile-input.spec.ts.
 */
import { expect, httpTest as test } from "../fixtures";

import { sealCookie, sealSession } from "../session";
import { call, post } from "./http";

const ACQUIRE = "/api/attributes/acquire";

let cookie: string;

test.beforeEach(async ({ sandbox }) => {
  ({ cookie } = await sealSession("demo"));
  await sandbox.clearRequests();
});

test.afterEach(async ({ sandbox }) => {
  // Every request in this file is rejected before anything goes to Exist.
  expect(await sandbox.requests()).toEqual([]);
});

function expectError(answer: { status: number; body: unknown }, status: number, code: string) {
  expect(answer.status).toBe(status);
  expect(answer.body).toEqual({ error: { code, message: expect.any(String) } });
}

test("OPTIONS names the methods and grants no other origin anything (no CORS headers)", async () => {
  const preflight = await call(ACQUIRE, {
    method: "OPTIONS",
    headers: { Origin: "https://evil.example", "Access-Control-Request-Method": "POST" },
  });
  expect(preflight.status).toBe(204);
  expect(preflight.headers.get("allow")).toBe("POST, OPTIONS");
  expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
});

test("an unknown /api/ path → 404 in the envelope", async () => {
  expectError(await call("/api/nothing-here", { cookie }), 404, "not_found");
  expectError(await call("/api/attributes/steps", { cookie }), 404, "not_found");
  expectError(await post("/api/attributes/update", [], cookie), 404, "not_found");
});

test("a session whose refresh already failed → 401 reauth_required without calling Exist", async ({
  sandbox,
}) => {
  const { token } = await sealSession("demo");
  const flagged = await sealCookie({ ...token, error: "RefreshFailed" });
  await sandbox.clearRequests();
  expectError(await call("/api/attributes", { cookie: flagged }), 401, "reauth_required");
});
