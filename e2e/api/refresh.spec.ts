/**
 * Token refresh: before the call when the token has expired, after a 401 from Exist, one refresh
 * for many concurrent requests (Exist's refresh tokens are single-use), and reauth_required when
 * Exist refuses the refresh token. The new tokens go back to the browser only inside the
 * encrypted cookie.
 */
import { expect, httpTest as test } from "../fixtures";
import type { SandboxRequest } from "../sandbox";
import { openCookie, sealSession } from "../session";
import { call, cookieOf, post } from "./http";

const TOKEN_PATH = "/oauth2/access_token";
const refreshCalls = (requests: SandboxRequest[]) =>
  requests.filter((request) => request.method === "POST" && request.path === TOKEN_PATH);

test("an expired token is refreshed before the call and the new one written to the cookie", async ({
  sandbox,
}) => {
  const sealed = await sealSession("demo", { expiresAt: Math.floor(Date.now() / 1000) - 10 });
  await sandbox.clearRequests();

  const answer = await call("/api/attributes", { cookie: sealed.cookie });
  expect(answer.status).toBe(200);
  const requests = await sandbox.requests();
  // Refreshed first: no call went out with the expired token.
  expect(requests[0]).toMatchObject({ method: "POST", path: TOKEN_PATH, status: 200 });
  expect(refreshCalls(requests)).toHaveLength(1);
  expect(requests.filter((request) => request.status === 401)).toEqual([]);

  expect(answer.setCookie).toMatch(/HttpOnly/i);
  expect(answer.setCookie).toMatch(/SameSite=lax/i);
  expect(answer.setCookie).toMatch(/Path=\//);
  const renewed = await openCookie(answer.setCookie ?? "");
  expect(renewed.accessToken).not.toBe(sealed.token.accessToken);
  expect(renewed.refreshToken).not.toBe(sealed.token.refreshToken);
  expect(renewed.expiresAt).toBeGreaterThan(Date.now() / 1000 + 3600);
  expect(renewed.username).toBe("demo");

  // The new cookie works without another refresh.
  await sandbox.clearRequests();
  const again = await call("/api/attributes", { cookie: cookieOf(answer.setCookie ?? "") });
  expect(again.status).toBe(200);
  expect(again.setCookie).toBeUndefined();
  expect(refreshCalls(await sandbox.requests())).toEqual([]);
});

test("Exist 401 → one refresh and one retry", async ({ sandbox }) => {
  const sealed = await sealSession("demo");
  await sandbox.expireTokens("demo");
  await sandbox.clearRequests();

  const answer = await post("/api/attributes/acquire", [{ name: "mood" }], sealed.cookie);
  expect(answer.status).toBe(200);
  const requests = await sandbox.requests();
  expect(requests.map((request) => [request.path, request.status])).toEqual([
    ["/api/2/attributes/acquire/", 401],
    [TOKEN_PATH, 200],
    ["/api/2/attributes/acquire/", 200],
  ]);
  expect((await openCookie(answer.setCookie ?? "")).accessToken).not.toBe(sealed.token.accessToken);
});

test("concurrent requests with the same expired cookie share a single refresh", async ({
  sandbox,
}) => {
  const sealed = await sealSession("demo");
  await sandbox.expireTokens("demo");
  await sandbox.clearRequests();

  const answers = await Promise.all([
    ...Array.from({ length: 5 }, () => call("/api/attributes", { cookie: sealed.cookie })),
    call("/api/templates", { cookie: sealed.cookie }),
    post("/api/attributes/acquire", [{ name: "mood" }], sealed.cookie),
  ]);
  expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 200, 200]);
  expect(refreshCalls(await sandbox.requests())).toHaveLength(1);

  const renewed = await Promise.all(answers.map((answer) => openCookie(answer.setCookie ?? "")));
  expect(new Set(renewed.map((token) => token.accessToken)).size).toBe(1);
  expect(renewed[0]?.accessToken).not.toBe(sealed.token.accessToken);
});

test("a request still carrying the old cookie just after a refresh reuses the new tokens", async ({
  sandbox,
}) => {
  const sealed = await sealSession("demo");
  await sandbox.expireTokens("demo");
  const first = await call("/api/attributes", { cookie: sealed.cookie });
  const renewed = await openCookie(first.setCookie ?? "");
  await sandbox.clearRequests();

  // The old pair is dead at Exist now: neither a call with the old access token nor a second
  // refresh of the old refresh token would work.
  const late = await call("/api/attributes", { cookie: sealed.cookie });
  expect(late.status).toBe(200);
  expect((await openCookie(late.setCookie ?? "")).accessToken).toBe(renewed.accessToken);
  // So does next-auth's session endpoint, which rewrites the cookie too.
  const session = await call("/api/auth/session", { cookie: sealed.cookie });
  expect((await openCookie(session.setCookie ?? "")).accessToken).toBe(renewed.accessToken);
  const requests = await sandbox.requests();
  expect(refreshCalls(requests)).toEqual([]);
  expect(requests.filter((request) => request.status === 401)).toEqual([]);
});

test("revoked tokens → 401 reauth_required and the session's error flag", async ({ sandbox }) => {
  const sealed = await sealSession("demo");
  await sandbox.revokeTokens("demo");
  await sandbox.clearRequests();

  const answer = await call("/api/attributes", { cookie: sealed.cookie });
  expect(answer.status).toBe(401);
  expect(answer.body).toEqual({
    error: { code: "reauth_required", message: expect.stringMatching(/sign in/i) },
  });
  expect(refreshCalls(await sandbox.requests())).toHaveLength(1);

  const flagged = cookieOf(answer.setCookie ?? "");
  expect((await openCookie(flagged)).error).toBe("RefreshFailed");
  const session = await call("/api/auth/session", { cookie: flagged });
  expect(session.body).toMatchObject({ error: "RefreshFailed", user: { username: "demo" } });

  // Known dead: the next request does not even try Exist.
  await sandbox.clearRequests();
  const next = await call("/api/templates", { cookie: flagged });
  expect(next.body).toMatchObject({ error: { code: "reauth_required" } });
  expect(await sandbox.requests()).toEqual([]);
});
