/** For the browser tests of writing: opening the page as an account, the Log dialog, Exist's side. */
import { expect, type Locator, type Page } from "@playwright/test";
import { expectHydrated } from "../fixtures";
import { sandbox } from "../sandbox";
import { sealSession, type SealedSession } from "../session";
import { useSessionCookie as setSessionCookie } from "./helpers";

export const UPDATE = "/api/2/attributes/update/";
export const INCREMENT = "/api/2/attributes/increment/";

/** `YYYY-MM-DD` in `timeZone`, `offsetDays` from today there (never this machine's day). */
export function dayIn(timeZone: string, offsetDays = 0): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone }).format(new Date());
  const day = new Date(`${today}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + offsetDays);
  return day.toISOString().slice(0, 10);
}

/**
 * The attributes page as `account`, with values fresh from the sandbox: the server keeps values
 * per user for two hours, past the sandbox's reset between tests.
 */
export async function openAs(page: Page, account: string): Promise<SealedSession> {
  const session = await sealSession(account);
  await setSessionCookie(page, session.cookie);
  await page.goto("/attributes");
  await expectHydrated(page);
  await expect(page.getByText(/^Values of the last 14 days, as of/)).toBeVisible();
  const fresh = page.waitForResponse(
    (response) =>
      response.url().endsWith("/api/values") &&
      response.request().headers()["cache-control"] === "no-cache",
  );
  await page.getByRole("button", { name: "Refresh values" }).click();
  expect((await fresh).status()).toBe(200);
  await expect(page.getByRole("button", { name: "Refresh values" })).toBeVisible();
  return session;
}

export const logDialog = (page: Page, label: string): Locator =>
  page.getByRole("dialog", { name: `Log ${label}` });

/** Opens **Log <label>** and waits for the form (its code loads on first use). */
export async function openLog(page: Page, label: string): Promise<Locator> {
  await page.getByRole("button", { name: `Log ${label}`, exact: true }).click();
  const dialog = logDialog(page, label);
  await expect(dialog.getByRole("button", { name: "Save" })).toBeVisible();
  return dialog;
}

/** The value the sandbox stores for `name` on `date` (null: none), read straight from it. */
export async function storedValue(session: SealedSession, name: string, date: string) {
  const url = `${sandbox.url}/api/2/attributes/values/?attribute=${name}&date_max=${date}&limit=1`;
  const answer = await fetch(url, {
    headers: { Authorization: `Bearer ${session.tokens.access_token}` },
  });
  const body = (await answer.json()) as { results: Array<{ date: string; value: unknown }> };
  const [newest] = body.results;
  return newest?.date === date ? newest.value : null;
}

/** The objects Exist received at `path` (update/, increment/), one entry per call. */
export async function sentTo(path: string): Promise<Array<{ status: number; objects?: number }>> {
  return (await sandbox.requests(path)).map(({ status, objects }) => ({ status, objects }));
}

/** Every call the page makes to our own `/api/` from now on, as `METHOD path`. */
export function watchApiCalls(page: Page): string[] {
  const calls: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith("/api/") && !url.pathname.startsWith("/api/auth/")) {
      calls.push(`${request.method()} ${url.pathname}`);
    }
  });
  return calls;
}
