/**
 * The history page and "Since your last visit": axe in light and dark, no horizontal scroll at
 * 375 px, and screenshots (test-results/screenshots/history-*.png) of each state.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { sealSession } from "../session";
import {
  acquire,
  dialog,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  useSessionCookie,
} from "../ui/helpers";

async function shoot(page: Page, name: string, include?: string) {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await page.evaluate(() => window.scrollTo(0, 0));
      await expectNoHorizontalScroll(page);
      // On the page, or on one part of it (the attributes page as a whole has its own a11y spec).
      if (width === 1280) await expectNoAxeViolations(page, include);
      await page.screenshot({
        path: `test-results/screenshots/history-${name}-${colorScheme}-${width}.png`,
        fullPage: width === 375,
      });
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("history page and Since your last visit: axe light and dark, screenshots", async ({
  page,
  sandbox,
  ownAccount: account,
}) => {
  test.setTimeout(240_000);
  await useSessionCookie(page, (await sealSession(account)).cookie);

  await page.goto("/history");
  await expect(page.getByRole("heading", { name: "History", level: 1 })).toBeVisible();
  await expect(page.getByText(/^No history yet/)).toBeVisible();
  await shoot(page, "empty");

  await page.goto("/attributes");
  for (const label of ["Steps", "Mood"]) await acquire(page, label);
  await sandbox.setOwner(account, "mood", "exist_android");
  await sandbox.setOwner(account, "sleep", "withings");
  await page.reload();
  await expect(page.getByRole("region", { name: "Since your last visit" })).toBeVisible();
  await shoot(page, "since-last-visit", 'section[aria-labelledby="since-last-visit"]');

  await page.goto("/history");
  await expect(page.getByRole("table")).toBeVisible();
  await shoot(page, "entries");

  await page.goto("/history?kind=observed");
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(3);
  await shoot(page, "filter");

  await page.goto("/history");
  await page.getByRole("button", { name: "Delete my history" }).click();
  await expect(dialog(page, "Delete your history?")).toBeVisible();
  await shoot(page, "delete-dialog");
});
