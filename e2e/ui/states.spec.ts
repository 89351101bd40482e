import { expect, expectHydrated, test } from "../fixtures";
import { NAVIGATION_MS } from "../session";
import { attributeSwitch } from "./helpers";

test("the list comes with the page (server prefetch): no fetch from the browser", async ({
  signedInPage: page,
}) => {
  const fetched: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === "/api/attributes") fetched.push(request.url());
  });
  const response = await page.reload();
  const html = (await response?.text()) ?? "";
  expect(html).toContain('aria-label="Select Steps"');
  expect(html).toContain("Owned by Google Fit");
  // Filtering works on what came with the page (typed once the page listens).
  await expectHydrated(page);
  await page.getByRole("searchbox", { name: "Filter attributes" }).fill("Steps");
  await expect(page.getByRole("switch", { name: "Steps", exact: true })).toBeVisible();
  await expect(attributeSwitch(page, "Mood")).toHaveCount(0);
  expect(fetched).toEqual([]);
});

test("Exist unreachable: says so, and Retry loads the list", async ({
  signedInPage: page,
  sandbox,
}) => {
  await sandbox.fault({ path: "/api/2/attributes/", status: 503, times: 20 });
  await page.reload();
  await expect(page.getByRole("heading", { name: "Exist is unreachable" })).toBeVisible({
    timeout: 10_000,
  });
  await expect(page.getByRole("alert").filter({ hasText: "could not be reached" })).toBeVisible();
  await sandbox.clearFaults();
  await page.getByRole("button", { name: "Retry" }).click();
  await expect(attributeSwitch(page, "Steps")).toBeVisible();
});

test("Exist too slow: says it did not answer in time", async ({ signedInPage: page, sandbox }) => {
  test.slow(); // the server-side prefetch and the page's two tries each wait out the timeout
  await sandbox.fault({ path: "/api/2/attributes/", delayMs: 8000, times: 20 });
  await sandbox.clearRequests();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Exist is not answering" })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByRole("alert").filter({ hasText: "did not answer in time" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Retry" })).toBeVisible();
  // The sandbox logs each of those calls once it has answered it, 8 s late: wait for all three
  // (the prefetch and the page's two tries), so none is logged during the next test.
  await expect
    .poll(async () => (await sandbox.requests()).filter((r) => r.path === "/api/2/attributes/"), {
      timeout: 20_000,
    })
    .toHaveLength(3);
});

test("rate limited: says when to try again", async ({ signedInPage: page, sandbox }) => {
  await sandbox.fault({
    path: "/api/2/attributes/",
    status: 429,
    headers: { "Retry-After": "120" },
    times: 20,
  });
  await page.reload();
  await expect(page.getByRole("heading", { name: "Exist asked us to slow down" })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Too many requests" })).toContainText(
    /Try again in about 2 minutes \(at \d\d?:\d\d/,
  );
});

test("token revoked: the session has ended, with a way to sign in again", async ({
  signedInPage: page,
  sandbox,
}) => {
  await sandbox.revokeTokens("demo");
  await page.reload();
  await expect(page.getByRole("heading", { name: "Your Exist session has ended" })).toBeVisible();
  await page.getByRole("button", { name: "Sign in with Exist" }).click();
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page).toHaveURL(/\/attributes$/, { timeout: NAVIGATION_MS });
  await expect(attributeSwitch(page, "Steps")).toBeVisible();
});
