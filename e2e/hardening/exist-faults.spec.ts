/**
 * Exist failing, through the sandbox's fault controls, as the route handlers answer it. Covered
 * elsewhere and not repeated here: 429 with Retry-After on acquire, 503 on the list, non-JSON
 * templates, a timeout on release, a later chunk failing and 202 with per-item refusals
 * (e2e/api/proxy.spec.ts); 401 then a good refresh, and a refused refresh (e2e/api/refresh.spec.ts).
 */
import { expect, httpTest as test, type Sandbox } from "../fixtures";
import type { SandboxRequest } from "../sandbox";
import { openCookie, sealSession } from "../session";
import { call, cookieOf, post } from "../api/http";

const ACQUIRE_PATH = "/api/2/attributes/acquire/";
const TOKEN_PATH = "/oauth2/access_token";

const calls = (requests: SandboxRequest[]) =>
  requests.map((request) => `${request.method} ${request.path} ${request.status}`);

async function ownerOf(sandbox: Sandbox, account: string, name: string) {
  return (await sandbox.state(account)).find((item) => item.name === name)?.service?.name ?? null;
}

function expectError(
  answer: { status: number; body: unknown; text: string },
  status: number,
  code: string,
) {
  expect(answer.status).toBe(status);
  expect(answer.body).toEqual({ error: { code, message: expect.any(String) } });
  // Exist's own bodies never pass through.
  expect(answer.text).not.toContain("Sandbox fault");
}

let cookie: string;

test.beforeEach(async ({ sandbox }) => {
  ({ cookie } = await sealSession("demo"));
  await sandbox.clearRequests();
});

for (const status of [500, 502] as const) {
  test(`Exist ${status} on acquire → 502 upstream_error, one call (no retry), nothing changed`, async ({
    sandbox,
  }) => {
    const before = await ownerOf(sandbox, "demo", "mood");
    await sandbox.fault({ path: ACQUIRE_PATH, status });
    const answer = await post("/api/attributes/acquire", [{ name: "mood" }], cookie);
    expectError(answer, 502, "upstream_error");
    expect(calls(await sandbox.requests())).toEqual([`POST ${ACQUIRE_PATH} ${status}`]);
    expect(await ownerOf(sandbox, "demo", "mood")).toBe(before);
  });
}

test("Exist gone (connection dropped) → 502 upstream_error on the list and on release", async ({
  sandbox,
}) => {
  // A GET whose kept-alive connection dies is sent once more on a new one (lib/exist/transport.ts):
  // Exist stays gone for both tries.
  await sandbox.fault({ path: "/api/2/attributes/owned/", drop: true, times: 2 });
  const list = await call("/api/attributes", { cookie });
  expectError(list, 502, "upstream_error");
  expect(list.body).toMatchObject({ error: { message: "Exist could not be reached." } });
  const owned = (await sandbox.requests()).filter((r) => r.path === "/api/2/attributes/owned/");
  // Once, or twice when the first try went over a reused connection; never more, never answered.
  expect(owned.length).toBeGreaterThanOrEqual(1);
  expect(owned.length).toBeLessThanOrEqual(2);
  expect(owned.every((request) => request.status === 0)).toBe(true);

  // A POST is never sent twice: one dropped release is a 502.
  await sandbox.clearFaults();
  await sandbox.fault({ path: "/api/2/attributes/release/", drop: true });
  const release = await post("/api/attributes/release", [{ name: "mood" }], cookie);
  expectError(release, 502, "upstream_error");
  const releases = (await sandbox.requests()).filter((r) => r.path.endsWith("/release/"));
  expect(releases.map((request) => request.status)).toEqual([0]);
});

test("no answer from the list within the timeout → 504 upstream_timeout", async ({ sandbox }) => {
  // e2e/env.ts sets EXIST_TIMEOUT_MS to 3 s: Exist answering after 6 s is too late, so a 504
  // says the app gave up in between, whatever else keeps the machine busy.
  await sandbox.fault({ path: "/api/2/attributes/", delayMs: 6_000, status: 200 });
  const answer = await call("/api/attributes", { cookie });
  expectError(answer, 504, "upstream_timeout");
  // The sandbox logs a request once it has answered: wait for that, so the late answer lands in
  // this test's log and not in the next one's. One request: a timeout is not retried.
  await expect
    .poll(async () => (await sandbox.requests()).filter((r) => r.path === "/api/2/attributes/"), {
      timeout: 10_000,
    })
    .toHaveLength(1);
});

test("Exist 429 without Retry-After → 429 rate_limited without one, and no retry", async ({
  sandbox,
}) => {
  await sandbox.fault({ path: "/api/2/attributes/templates/", status: 429 });
  const answer = await call("/api/templates", { cookie });
  expectError(answer, 429, "rate_limited");
  expect(answer.headers.get("retry-after")).toBeNull();
  const templateCalls = (await sandbox.requests()).filter(
    (request) => request.path === "/api/2/attributes/templates/",
  );
  expect(templateCalls).toHaveLength(1);
});

for (const [what, body] of [
  ["invalid JSON", "{not json"],
  ["JSON of another shape", '{"success": "all of them"}'],
] as const) {
  test(`acquire answered with ${what} → 502 upstream_error`, async ({ sandbox }) => {
    await sandbox.fault({ path: ACQUIRE_PATH, status: 200, body });
    expectError(
      await post("/api/attributes/acquire", [{ name: "mood" }], cookie),
      502,
      "upstream_error",
    );
  });
}

test("401, refresh OK, Exist still says 401 → 401 reauth_required after exactly one refresh", async ({
  sandbox,
}) => {
  await sandbox.fault({ path: ACQUIRE_PATH, status: 401, times: 2 });
  const answer = await post("/api/attributes/acquire", [{ name: "mood" }], cookie);
  expectError(answer, 401, "reauth_required");
  expect(calls(await sandbox.requests())).toEqual([
    `POST ${ACQUIRE_PATH} 401`,
    `POST ${TOKEN_PATH} 200`,
    `POST ${ACQUIRE_PATH} 401`,
  ]);
});

for (const [what, fault, status, code] of [
  ["answers 500", { status: 500 }, 502, "upstream_error"],
  ["drops the connection", { drop: true }, 502, "upstream_error"],
  // Past the 3 s timeout by far enough that a busy machine cannot blur the two.
  ["does not answer in time", { delayMs: 6_000, status: 200 }, 504, "upstream_timeout"],
] as const) {
  test(`the token endpoint ${what} during a refresh → ${status}, and the session survives`, async ({
    sandbox,
  }) => {
    await sandbox.expireTokens("demo");
    await sandbox.fault({ path: TOKEN_PATH, ...fault });
    const answer = await call("/api/attributes", { cookie });
    expectError(answer, status, code);
    // One refresh, no retry; logged once the sandbox has answered it (late, for the timeout).
    await expect
      .poll(async () => (await sandbox.requests()).filter((r) => r.path === TOKEN_PATH), {
        timeout: 10_000,
      })
      .toHaveLength(1);
    // A passing failure does not end the session: no error flag written, the cookie still works.
    expect(answer.setCookie).toBeUndefined();
    await sandbox.clearFaults();
    const again = await call("/api/attributes", { cookie });
    expect(again.status).toBe(200);
    expect((await openCookie(cookieOf(again.setCookie ?? ""))).error).toBeUndefined();
  });
}
