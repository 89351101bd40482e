/**
 * The history as a person sees it: changes made here and owners changed elsewhere, on /history
 * and in "Since your last visit"; Download CSV; Delete my history.
 */
import { expect, expectHydrated, test } from "../fixtures";
import { sealSession } from "../session";
import {
  acquire,
  attributeRow,
  attributeSwitch,
  dialog,
  liveStatus,
  useSessionCookie,
} from "../ui/helpers";
import { parseCsv } from "./http";
import type { Page } from "@playwright/test";

// Several page loads against a build that shares two cores with other work: more than 30 s.
test.describe.configure({ timeout: 90_000 });

// Signed in as an account of its own: no history from other tests.
test.beforeEach(async ({ page, ownAccount }) => {
  await useSessionCookie(page, (await sealSession(ownAccount)).cookie);
});

function historyTable(page: Page) {
  return page.getByRole("table", { name: /History/ });
}

test("a change made here appears in /history with its owners and outcome", async ({ page }) => {
  await page.goto("/attributes");
  await attributeSwitch(page, "Steps").click();
  await dialog(page, "Acquire Steps?")
    .getByRole("button", { name: "Acquire", exact: true })
    .click();
  await expect(liveStatus(page)).toHaveText("Steps is now owned by this app.");

  const historyLink = page.getByRole("banner").getByRole("link", { name: "History" });
  await expect(historyLink).not.toHaveAttribute("aria-current");
  await page.getByRole("link", { name: "History", exact: true }).click();
  await expect(page.getByRole("heading", { name: "History", level: 1 })).toBeVisible();
  await expect(historyLink).toHaveAttribute("aria-current", "page");
  const rows = historyTable(page).getByRole("row");
  await expect(rows).toHaveCount(2);
  const entry = rows.nth(1);
  await expect(entry).toContainText("Steps");
  await expect(entry).toContainText("Acquired here");
  await expect(entry).toContainText("Google Fit → this app");
  await expect(entry).toContainText("Done");

  // A refusal is recorded with Exist's error code.
  const refused = await page.request.post("/api/attributes/release", {
    data: [{ name: "mood" }],
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(refused.status()).toBe(202);
  await page.reload();
  await expect(rows.nth(1)).toContainText("Released here");
  await expect(rows.nth(1)).toContainText("Refused by Exist (unauthorised)");
});

test("an owner changed on Exist shows in Since your last visit and in the history", async ({
  page,
  sandbox,
  ownAccount: account,
}) => {
  await page.goto("/attributes");
  await expect(attributeRow(page, "Steps")).toContainText("Owned by Google Fit");
  await expect(page.getByRole("region", { name: "Since your last visit" })).toHaveCount(0);

  await sandbox.setOwner(account, "steps", "oura");
  await page.reload();
  const region = page.getByRole("region", { name: "Since your last visit" });
  await expect(region).toContainText("Google Fit → Oura");
  const link = region.getByRole("link", { name: "Steps", exact: true });
  await expect(link).toHaveAttribute("href", "#attribute-steps");
  await link.click();
  await expect(page.locator("#attribute-steps")).toBeInViewport();

  // The Dismiss button answers once React has hydrated the page.
  await expectHydrated(page);
  await region.getByRole("button", { name: "Dismiss" }).click();
  await expect(region).toBeHidden();
  await page.reload();
  await expect(attributeRow(page, "Steps")).toContainText("Owned by Oura");
  await expect(page.getByRole("region", { name: "Since your last visit" })).toHaveCount(0);

  await page.goto("/history?kind=observed");
  const rows = historyTable(page).getByRole("row");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText("Owner changed elsewhere");
  await expect(rows.nth(1)).toContainText(/Seen between .* and /);
});

test("attributes this app lost come first in Since your last visit", async ({
  page,
  sandbox,
  ownAccount: account,
}) => {
  await page.goto("/attributes");
  await acquire(page, "Mood");
  await sandbox.setOwner(account, "steps", "oura");
  await sandbox.setOwner(account, "mood", "exist_android");
  await page.reload();
  const items = page.getByRole("region", { name: "Since your last visit" }).getByRole("listitem");
  await expect(items).toHaveCount(2);
  await expect(items.first()).toContainText("Mood (lost by this app)");
  await expect(items.nth(1)).toContainText("Steps");
});

test("Download CSV holds the same rows as the page; Delete my history empties it", async ({
  page,
}) => {
  await page.goto("/attributes");
  for (const label of ["Steps", "Mood"]) await acquire(page, label);
  await page.goto("/history");
  const rows = historyTable(page).getByRole("row");
  await expect(rows).toHaveCount(3);

  const link = page.getByRole("link", { name: "Download CSV" });
  await expect(link).toHaveAttribute("download", "");
  const answer = await page.request.get((await link.getAttribute("href")) ?? "");
  expect(answer.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(answer.headers()["content-disposition"]).toContain("attachment");
  const text = await answer.text();
  const csv = parseCsv(text);
  expect(csv.map((row) => [row.label, row.action, row.owner_after, row.outcome])).toEqual([
    ["Mood", "acquire", "this app", "done"],
    ["Steps", "acquire", "this app", "done"],
  ]);
  expect(new Set(csv.map((row) => row.request_id)).size).toBe(2);

  await page.getByRole("button", { name: "Delete my history" }).click();
  const confirm = dialog(page, "Delete your history?");
  await expect(confirm).toContainText("deleted for good");
  await confirm.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByText(/^No history yet/)).toBeVisible();
  await expect(historyTable(page)).toHaveCount(0);
});

test("filters by attribute and kind, and each row links to its attribute's history", async ({
  page,
  sandbox,
  ownAccount: account,
}) => {
  await page.goto("/attributes");
  await acquire(page, "Steps");
  await sandbox.setOwner(account, "sleep", "withings");
  await page.reload();
  await expect(page.getByRole("region", { name: "Since your last visit" })).toBeVisible();

  await attributeRow(page, "Steps").getByRole("link", { name: "Steps history" }).click();
  await expect(page).toHaveURL(/\/history\?attribute=steps$/);
  await expect(historyTable(page).getByRole("row")).toHaveCount(2);
  await expect(page.getByText("Showing Steps only.")).toBeVisible();

  await page.goto("/history");
  await expect(historyTable(page).getByRole("row")).toHaveCount(3);
  await page.getByLabel("Kind").selectOption("observed");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/kind=observed/);
  await expect(historyTable(page).getByRole("row")).toHaveCount(2);
  await expect(historyTable(page)).toContainText("Time asleep");
});

test("signed out, /history goes to the landing page and its API answers 401", async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/history");
  await expect(page).toHaveURL(/\/$/);
  const answer = await page.request.get("/api/history");
  expect(answer.status()).toBe(401);
  expect(await answer.json()).toMatchObject({ error: { code: "unauthenticated" } });
  const csv = await page.request.get("/api/history/csv");
  expect(csv.status()).toBe(401);
  await context.close();
});
