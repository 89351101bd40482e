/**
 * Where sessions end and grow: signed-in pages without a session answer a real 307 to `/`, and a
 * session cookie over 4 KB, which next-auth splits into chunks, still works for a change (with
 * its refreshed tokens written back in chunks).
 */
import { expect, httpTest as test } from "../fixtures";

import { SESSION_COOKIE, openCookie, sealChunkedCookies, sealSession } from "../session";
import { call, post } from "./http";
import { APP_URL } from "../env";

const SIGNED_IN_PAGES = ["/attributes", "/access", "/history"];

test("a signed-in page without a session answers 307 to /, before rendering anything", async () => {
  for (const path of SIGNED_IN_PAGES) {
    const answer = await call(path);
    expect(answer.status, path).toBe(307);
    const location = new URL(answer.headers.get("Location") ?? "", APP_URL);
    expect(location.href, path).toBe(`${APP_URL}/`);
    expect(answer.text, path).not.toContain("<html");
  }
});

test("a session cookie that does not decrypt is no session: 307 too", async () => {
  const forged = `${SESSION_COOKIE}=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..bm90.YS1zZXNzaW9u.dGFn`;
  for (const path of SIGNED_IN_PAGES) {
    const answer = await call(path, { cookie: forged });
    expect(answer.status, path).toBe(307);
  }
  // With a real session the page renders; API routes keep their own 401, not a redirect.
  const { cookie } = await sealSession("demo");
  expect((await call("/attributes", { cookie })).status).toBe(200);
  expect((await call("/access", { cookie })).status).toBe(200);
  const api = await call("/api/attributes", { cookie: forged });
  expect(api.status).toBe(401);
  expect(api.body).toEqual({ error: { code: "unauthenticated", message: expect.any(String) } });
});

/** Every scope and a long display name: next-auth would split this session into chunks. */
async function bigSession(expiresAt?: number) {
  const sealed = await sealSession("demo", expiresAt === undefined ? {} : { expiresAt });
  const token = { ...sealed.token, name: `Demo ${"Longname-".repeat(450)}User` };
  expect(token.scopes).toHaveLength(34);
  const chunks = await sealChunkedCookies(token);
  expect(chunks.join("").length).toBeGreaterThan(4096);
  expect(chunks.length).toBeGreaterThan(1);
  return { token, chunks };
}

test("a session over 4 KB, in chunks: an acquire goes through", async ({ sandbox }) => {
  const { chunks } = await bigSession();
  // Browsers may send the chunks in any order.
  const answer = await post(
    "/api/attributes/acquire",
    [{ name: "steps" }],
    chunks.reverse().join("; "),
  );
  expect(answer.status).toBe(200);
  expect(answer.body).toMatchObject({ success: [{ name: "steps" }], failed: [] });
  const steps = (await sandbox.state("demo")).find((attribute) => attribute.name === "steps");
  expect(steps?.service?.name).toBe("exist_ownership");
});

test("a big session refreshed during a change is written back in chunks, as next-auth writes them", async () => {
  const { token, chunks } = await bigSession(Math.floor(Date.now() / 1000) - 10);
  const answer = await call("/api/attributes/acquire", {
    method: "POST",
    cookie: chunks.join("; "),
    headers: { Origin: APP_URL, "Content-Type": "application/json" },
    body: [{ name: "mood" }],
  });
  expect(answer.status).toBe(200);
  const lines = answer.headers.getSetCookie();
  const live = lines.filter((line) => !/Max-Age=0/i.test(line));
  // Stale chunks (a shorter session than before) are cleared: unit-tested in lib/auth/cookie.test.ts.
  expect(live.map((line) => line.split("=")[0])).toEqual(
    chunks.map((_, index) => `${SESSION_COOKIE}.${index}`),
  );
  for (const line of live) {
    expect(line).toMatch(/HttpOnly/i);
    expect(line.length).toBeLessThan(4096);
  }
  const joined = live.map((line) => line.split(";")[0]?.split("=").slice(1).join("=")).join("");
  const renewed = await openCookie(`${SESSION_COOKIE}=${joined}`);
  expect(renewed.accessToken).not.toBe(token.accessToken);
  expect(renewed.name).toBe(token.name);
});
