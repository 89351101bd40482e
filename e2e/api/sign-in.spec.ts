/**
 * Sign in with Exist through the sandbox's consent page in a real browser, and proof that the
 * Exist tokens never reach the browser: not in the session, HTML, scripts or any JSON.
 */
import type { Response } from "@playwright/test";
import { expect, test } from "../fixtures";
import { SESSION_COOKIE, clickSignIn, openCookie, signInThroughConsent } from "../session";

test("Allow: signed in, and the session holds display fields and flags only", async ({ page }) => {
  await signInThroughConsent(page, "demo");
  const session = await (await page.request.get("/api/auth/session")).json();
  expect(Object.keys(session).sort()).toEqual([
    "expires",
    "manualWrite",
    "scopes",
    "user",
    "writableGroups",
  ]);
  // Scope names only (what Exist granted), no token.
  expect(session.scopes).toEqual(expect.arrayContaining(["mood_read", "mood_write"]));
  for (const scope of session.scopes) expect(scope).toMatch(/^[a-z]+_(read|write)$/);
  expect(Object.keys(session.user).sort()).toEqual(["image", "name", "username"]);
  expect(session.user.username).toBe("demo");
  expect(session.writableGroups).toEqual(expect.arrayContaining(["activity", "mood"]));
  expect(typeof session.manualWrite).toBe("boolean");
});

test("another account picked on the consent page is the one signed in", async ({ page }) => {
  await signInThroughConsent(page, "new");
  const session = await (await page.request.get("/api/auth/session")).json();
  expect(session.user.username).toBe("new");
});

test("Deny: back in the app with a readable message, not signed in", async ({ page }) => {
  await page.goto("/");
  await clickSignIn(page);
  await page.getByRole("button", { name: "Deny", exact: true }).click();

  await expect(page).toHaveURL(/\/\?error=AccessDenied$/);
  await expect(page.getByRole("alert").filter({ hasText: /did not allow/i })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in with Exist" })).toBeVisible();
  expect(await (await page.request.get("/api/auth/session")).json()).toEqual({});
});

test("a callback whose state does not match is refused before any token exchange", async ({
  page,
  sandbox,
}) => {
  // Hold Exist's redirect back to the app, to replay it with another `state`, as a forged
  // callback link would.
  let callback: URL | undefined;
  await page.route(`${sandbox.url}/oauth2/authorize`, async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    const response = await route.fetch({ maxRedirects: 0 });
    callback = new URL(response.headers().location ?? "");
    await route.fulfill({ status: 200, contentType: "text/plain", body: "held" });
  });
  await page.goto("/");
  await clickSignIn(page);
  await page.getByRole("button", { name: "Allow", exact: true }).click();
  await expect(page.getByText("held")).toBeVisible();
  expect(callback?.searchParams.get("code")).toBeTruthy();
  expect(callback?.searchParams.get("state")).toBeTruthy();

  callback?.searchParams.set("state", "forged-state");
  await sandbox.clearRequests();
  await page.goto(callback?.href ?? "/");

  await expect(page).toHaveURL(/\/\?.*error=OAuthCallback/);
  expect(await (await page.request.get("/api/auth/session")).json()).toEqual({});
  const requests = await sandbox.requests();
  expect(requests.filter((request) => request.path === "/oauth2/access_token")).toEqual([]);
});

test("the access and refresh tokens appear in no response the browser receives", async ({
  page,
}) => {
  const seen: Array<Promise<string>> = [];
  const record = (response: Response) => {
    seen.push(
      (async () => {
        const headers = JSON.stringify(await response.allHeaders());
        const body = await response.body().then(
          (buffer) => buffer.toString("utf8"),
          () => "", // redirects have no body
        );
        return `${response.url()}\n${headers}\n${body}`;
      })(),
    );
  };
  page.on("response", record);

  await signInThroughConsent(page, "demo");
  await expect(page.getByRole("switch").first()).toBeVisible();
  // Everything the page and a curious user could ask the app for.
  await page.reload();
  await expect(page.getByRole("switch").first()).toBeVisible();
  for (const path of ["/api/auth/session", "/api/attributes", "/api/templates", "/"]) {
    await page.goto(path);
  }

  const cookie = (await page.context().cookies()).find((item) => item.name === SESSION_COOKIE);
  expect(cookie?.httpOnly).toBe(true);
  const token = await openCookie(`${SESSION_COOKIE}=${cookie?.value}`);
  expect(token.accessToken.length).toBeGreaterThan(8);
  expect(token.refreshToken.length).toBeGreaterThan(8);

  // Stop recording first: a response arriving as the test ends would be read after the page closed.
  page.off("response", record);
  const responses = await Promise.all(seen);
  const kinds = responses.map((text) => text.split("\n")[0] ?? "");
  expect(kinds.some((url) => url.endsWith("/api/auth/session"))).toBe(true);
  expect(kinds.some((url) => url.includes("/_next/static/") && url.endsWith(".js"))).toBe(true);
  expect(kinds.some((url) => url.endsWith("/api/attributes"))).toBe(true);
  for (const text of responses) {
    expect(text).not.toContain(token.accessToken);
    expect(text).not.toContain(token.refreshToken);
  }
});
