/**
 * Signing in for tests: a sealed session cookie without a browser, or the real flow through the
 * sandbox's consent page.
 */
import { expect, type Page } from "@playwright/test";
import { decode, encode } from "next-auth/jwt";
import { sessionToken, tokenFields, type SessionToken } from "../lib/auth/token";
import { TEST_AUTH_SECRET } from "./env";
import { sandbox, type TokenResponse } from "./sandbox";

/**
 * How long a sign-in step may take: several requests and redirects (next-auth, Exist's token
 * exchange, the attributes page's server render) on a machine that may be busy.
 */
export const NAVIGATION_MS = 15_000;

/** next-auth's cookie name on http://localhost (no `__Secure-` prefix). */
export const SESSION_COOKIE = "next-auth.session-token";

export type SealedSession = {
  /** `Cookie` header value. */
  cookie: string;
  token: SessionToken;
  tokens: TokenResponse;
};

/**
 * A session cookie for `account`, sealed like the app's `jwt` callback seals one at sign-in,
 * with tokens from the sandbox. `expiresAt` (seconds) overrides the token's expiry.
 */
export async function sealSession(
  account = "demo",
  options: { scope?: string; expiresAt?: number } = {},
): Promise<SealedSession> {
  const tokens = await sandbox.token(account, options.scope);
  const fields = tokenFields(tokens);
  const token = sessionToken(
    { username: account, name: account, picture: null },
    { ...fields, expiresAt: options.expiresAt ?? fields.expiresAt },
  );
  return { cookie: await sealCookie(token), token, tokens };
}

export async function sealCookie(token: SessionToken): Promise<string> {
  const value = await encode({ token, secret: TEST_AUTH_SECRET, maxAge: 30 * 24 * 60 * 60 });
  return `${SESSION_COOKIE}=${value}`;
}

/** The session JWT inside a `next-auth.session-token=...` cookie string (or Set-Cookie line). */
export async function openCookie(cookie: string): Promise<SessionToken> {
  const value = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(cookie)?.[1];
  if (!value) throw new Error(`no ${SESSION_COOKIE} in ${cookie.slice(0, 80)}`);
  return (await decode({ token: value, secret: TEST_AUTH_SECRET })) as SessionToken;
}

/**
 * Signs in as a person would: **Sign in with Exist** on the landing page, then the account and
 * **Allow** on the sandbox's consent page. Ends on the app's attributes page.
 */
export async function signInThroughConsent(page: Page, account = "demo"): Promise<void> {
  await page.goto("/");
  await clickSignIn(page);
  await page.getByRole("radio", { name: new RegExp(`^${account}\\b`) }).check();
  await page.getByRole("button", { name: "Allow", exact: true }).click();
  await expect(page).toHaveURL(/\/attributes$/, { timeout: NAVIGATION_MS });
}

/**
 * Clicks **Sign in with Exist** and waits for Exist's consent page. The button stays disabled
 * until the page has hydrated (a click before that would be lost), and a click waits for it.
 */
export async function clickSignIn(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign in with Exist", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`^${sandbox.url}/oauth2/authorize`), {
    timeout: NAVIGATION_MS,
  });
}

/**
 * Signs in through the consent page leaving ticked only the scopes `keep` accepts (by their
 * wording on the page, e.g. "Write your Mood data"). Ends on the app's attributes page.
 */
export async function signInGranting(
  page: Page,
  keep: (wording: string) => boolean,
): Promise<void> {
  await page.goto("/");
  await clickSignIn(page);
  for (const box of await page.getByRole("checkbox").all()) {
    const wording = ((await box.evaluate((node) => node.parentElement?.textContent)) ?? "").trim();
    if (!keep(wording)) await box.uncheck();
  }
  await page.getByRole("button", { name: "Allow", exact: true }).click();
  await expect(page).toHaveURL(/\/attributes$/, { timeout: NAVIGATION_MS });
}

/**
 * `token` sealed and cut as next-auth cuts a cookie over 4 KB (`<name>.0`, `<name>.1`, …):
 * `name=value` strings, in order.
 */
export async function sealChunkedCookies(token: SessionToken): Promise<string[]> {
  const value = (await sealCookie(token)).slice(SESSION_COOKIE.length + 1);
  const size = 4096 - 163;
  const parts: string[] = [];
  for (let start = 0; start < value.length; start += size) {
    parts.push(`${SESSION_COOKIE}.${parts.length}=${value.slice(start, start + size)}`);
  }
  return parts;
}
