/**
 * SPEC.md, "Rules every handler keeps": each rejected request gets its status and error code in
 * the envelope, and nothing at all is sent to Exist for it.
 */
import { expect, test } from "@playwright/test";
import { sandbox } from "../sandbox";
import { sealCookie, sealSession } from "../session";
import { SAME_ORIGIN, call, post, postOnOwnConnection } from "./http";

const ACQUIRE = "/api/attributes/acquire";
const RELEASE = "/api/attributes/release";

let cookie: string;

test.beforeEach(async () => {
  await sandbox.reset();
  await sandbox.clearFaults();
  ({ cookie } = await sealSession("demo"));
  await sandbox.clearRequests();
});

test.afterEach(async () => {
  // Every request in this file is rejected before anything goes to Exist.
  expect(await sandbox.requests()).toEqual([]);
});

function expectError(answer: { status: number; body: unknown }, status: number, code: string) {
  expect(answer.status).toBe(status);
  expect(answer.body).toEqual({ error: { code, message: expect.any(String) } });
}

test("no session → 401 unauthenticated", async () => {
  expectError(await call("/api/attributes"), 401, "unauthenticated");
  expectError(await call("/api/templates"), 401, "unauthenticated");
  expectError(await post(ACQUIRE, [{ name: "steps" }]), 401, "unauthenticated");
  expectError(await post(RELEASE, [{ name: "steps" }]), 401, "unauthenticated");
});

test("a cookie that does not decrypt counts as no session", async () => {
  const forged = "next-auth.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0.x.y.z.w";
  expectError(await call("/api/attributes", { cookie: forged }), 401, "unauthenticated");
});

test("a foreign Origin → 403 forbidden_origin", async () => {
  for (const origin of ["https://evil.example", "null", "http://127.0.0.1:3100"]) {
    const answer = await post(ACQUIRE, [{ name: "steps" }], cookie, { Origin: origin });
    expectError(answer, 403, "forbidden_origin");
  }
});

test("no Origin: only Sec-Fetch-Site same-origin passes the origin check", async () => {
  const noOrigin = (headers: Record<string, string>) =>
    call(RELEASE, {
      method: "POST",
      cookie,
      body: "not json",
      headers: { "Content-Type": "application/json", ...headers },
    });
  expectError(await noOrigin({}), 403, "forbidden_origin");
  expectError(await noOrigin({ "Sec-Fetch-Site": "cross-site" }), 403, "forbidden_origin");
  // Passes the origin check, so the next check (JSON) answers.
  expectError(await noOrigin({ "Sec-Fetch-Site": "same-origin" }), 400, "invalid_json");
});

test("not application/json → 415 unsupported_media_type", async () => {
  const answer = await call(ACQUIRE, {
    method: "POST",
    cookie,
    body: '[{"name":"steps"}]',
    headers: { ...SAME_ORIGIN, "Content-Type": "text/plain" },
  });
  expectError(answer, 415, "unsupported_media_type");
});

test("a body over 64 KiB → 413 payload_too_large, by Content-Length and by bytes read", async () => {
  const big = JSON.stringify(Array.from({ length: 5000 }, () => ({ name: "steps_active_min" })));
  const bytes = new TextEncoder().encode(big);
  expect(bytes.length).toBeGreaterThan(64 * 1024);
  const headers = { ...SAME_ORIGIN, "Content-Type": "application/json", Cookie: cookie };

  const declared = await postOnOwnConnection(ACQUIRE, [bytes], {
    ...headers,
    "Content-Length": String(bytes.length),
  });
  expectError(declared, 413, "payload_too_large");

  // Chunked, with no Content-Length: the limit holds on what actually arrives.
  const chunks = Array.from({ length: Math.ceil(bytes.length / 8192) }, (_, index) =>
    bytes.slice(index * 8192, (index + 1) * 8192),
  );
  const streamed = await postOnOwnConnection(ACQUIRE, chunks, {
    ...headers,
    "Transfer-Encoding": "chunked",
  });
  expectError(streamed, 413, "payload_too_large");
});

test("malformed JSON → 400 invalid_json", async () => {
  expectError(await post(ACQUIRE, '[{"name": "steps"', cookie), 400, "invalid_json");
});

test("schema errors → 422 validation_failed naming the first problem", async () => {
  const badName = await post(
    ACQUIRE,
    [{ name: "steps" }, { name: "mood" }, { template: "sleep" }, { name: "Steps!" }],
    cookie,
  );
  expectError(badName, 422, "validation_failed");
  expect(badName.body).toMatchObject({
    error: { message: expect.stringMatching(/^\[3\]\.name: must be a plain Exist name/) },
  });

  const notArray = await post(RELEASE, { name: "steps" }, cookie);
  expectError(notArray, 422, "validation_failed");

  const unknownKey = await post(RELEASE, [{ name: "steps", template: "steps" }], cookie);
  expectError(unknownKey, 422, "validation_failed");
  expect(unknownKey.body).toMatchObject({ error: { message: expect.stringMatching(/^\[0\]/) } });

  const tooMany = await post(
    ACQUIRE,
    Array.from({ length: 1001 }, () => ({ name: "steps" })),
    cookie,
  );
  expectError(tooMany, 422, "validation_failed");
  expect(tooMany.body).toMatchObject({ error: { message: expect.stringMatching(/1000/) } });
});

test("a method the route does not serve → 405 in the envelope, with Allow", async () => {
  const getAcquire = await call(ACQUIRE, { cookie });
  expectError(getAcquire, 405, "method_not_allowed");
  expect(getAcquire.headers.get("allow")).toBe("POST");

  const deleteAttributes = await call("/api/attributes", { method: "DELETE", cookie });
  expectError(deleteAttributes, 405, "method_not_allowed");
  expect(deleteAttributes.headers.get("allow")).toBe("GET");

  const postTemplates = await post("/api/templates", [], cookie);
  expectError(postTemplates, 405, "method_not_allowed");

  // OPTIONS names the methods, and grants no other origin anything (no CORS headers).
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

test("a session whose refresh already failed → 401 reauth_required without calling Exist", async () => {
  const { token } = await sealSession("demo");
  const flagged = await sealCookie({ ...token, error: "RefreshFailed" });
  await sandbox.clearRequests();
  expectError(await call("/api/attributes", { cookie: flagged }), 401, "reauth_required");
});
