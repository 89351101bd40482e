/**
 * The app's own output (stdout and stderr, kept in APP_LOG by playwright.config.ts) during a full
 * sign-in, a change, a token refresh and a failed sign-in: one line per API request and per
 * server-side prefetch of the attributes page, and no token, cookie or secret anywhere in it.
 */
import { readFile, stat } from "node:fs/promises";
import { SANDBOX_CLIENT } from "../../lib/sandbox-client";
import { call } from "../api/http";
import { APP_LOG, TEST_AUTH_SECRET } from "../env";
import { expect, test } from "../fixtures";
import { acquire } from "../ui/helpers";
import { SESSION_COOKIE, openCookie, sealSession, signInThroughConsent } from "../session";
import type { Page } from "@playwright/test";

async function sessionCookieValue(page: Page): Promise<string> {
  const cookies = await page.context().cookies();
  const value = cookies.find((cookie) => cookie.name === SESSION_COOKIE)?.value;
  expect(value, "session cookie").toBeTruthy();
  return value ?? "";
}

test("a sign-in, a toggle and a refresh log one line per API call and no secret", async ({
  page,
  sandbox,
}) => {
  const offset = (await stat(APP_LOG)).size;
  const secrets: Record<string, string> = {
    "client secret": SANDBOX_CLIENT.secret,
    AUTH_SECRET: TEST_AUTH_SECRET,
  };

  // The page refetches its list on focus once it is five minutes old: its clock moves on below.
  await page.clock.install();
  await signInThroughConsent(page);
  const first = await sessionCookieValue(page);
  const signedIn = await openCookie(`${SESSION_COOKIE}=${first}`);
  Object.assign(secrets, {
    "cookie value": first,
    "access token": signedIn.accessToken,
    "refresh token": signedIn.refreshToken,
  });

  await acquire(page, "Mood");

  // Exist drops the tokens: the next refetch gets a 401, refreshes and retries.
  await sandbox.expireTokens("demo");
  await page.clock.fastForward("05:01");
  await page.evaluate(() => window.dispatchEvent(new Event("focus")));
  await expect.poll(() => sessionCookieValue(page)).not.toBe(first);
  const second = await sessionCookieValue(page);
  const refreshed = await openCookie(`${SESSION_COOKIE}=${second}`);
  expect(refreshed.refreshToken).not.toBe(signedIn.refreshToken);
  Object.assign(secrets, {
    "new cookie value": second,
    "new access token": refreshed.accessToken,
    "new refresh token": refreshed.refreshToken,
  });

  // A callback with a forged state makes next-auth log an error.
  await page.goto("/api/auth/callback/exist?code=forged-code-0123456789abcdef&state=forged");

  // The offset counts bytes (the build's output has non-ASCII characters).
  const logged = async () => (await readFile(APP_LOG)).subarray(offset).toString("utf8");
  await expect
    .poll(logged)
    // Two pages refused with 401, one refresh, the two again: five calls to Exist.
    .toMatch(/^api GET \/api\/attributes 200 \d+ms exist_calls=5 exist_ms=\d+$/m);
  const log = await logged();
  expect(log).toMatch(
    /^api POST \/api\/attributes\/acquire 200 \d+ms exist_calls=1 exist_ms=\d+$/m,
  );
  expect(log).toMatch(/^next-auth error OAUTH_CALLBACK_ERROR: /m);
  for (const [what, secret] of Object.entries(secrets)) {
    expect(secret.length, what).toBeGreaterThan(8);
    expect(log.includes(secret), `${what} in the app's log`).toBe(false);
  }
  // Nor any fragment long enough to be half a token.
  for (const token of [signedIn.accessToken, refreshed.accessToken, refreshed.refreshToken]) {
    expect(log).not.toContain(token.slice(0, 16));
  }
});

test("the attributes page's server-side prefetch logs one line per render, with its calls to Exist", async () => {
  const offset = (await stat(APP_LOG)).size;
  const { cookie, tokens } = await sealSession("demo");

  // Plain HTTP, no browser: the page's own data comes from the prefetch alone.
  const first = await call("/attributes", { cookie });
  expect(first.status).toBe(200);
  expect(first.text).toContain("Mood");
  // Within the cache window: served without a call to Exist, and logged all the same.
  expect((await call("/attributes", { cookie })).status).toBe(200);

  const logged = async () => (await readFile(APP_LOG)).subarray(offset).toString("utf8");
  const prefetches = async () => (await logged()).match(/^prefetch .*$/gm) ?? [];
  await expect.poll(async () => (await prefetches()).length).toBe(2);
  const [cold, cached] = await prefetches();
  // demo's 70 attributes: one page of `attributes/` and one of `owned/`.
  expect(cold).toMatch(/^prefetch GET \/attributes 200 \d+ms exist_calls=2 exist_ms=\d+$/);
  expect(cached).toMatch(/^prefetch GET \/attributes 200 \d+ms exist_calls=0 exist_ms=0$/);
  const log = await logged();
  // The page read its data itself, through no route of ours. Any line but a GET may be the
  // previous test's clean-up (DELETE /api/history): the app's output reaches APP_LOG through a
  // pipe, so a line can land in the file after this test took its offset.
  expect(log).not.toMatch(/^api GET /m);
  for (const secret of [tokens.access_token, tokens.refresh_token, cookie.split("=")[1] ?? ""]) {
    expect(log).not.toContain(secret.slice(0, 16));
  }
});
