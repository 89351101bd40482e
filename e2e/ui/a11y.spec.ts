import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { APP_URL } from "../env";
import {
  attributeSwitch,
  dialog,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
} from "./helpers";
import { NAVIGATION_MS, signInThroughConsent } from "../session";

/** The values bar once the last 14 days have arrived. */
const valuesLoaded = (page: Page) => page.getByText(/^Values of the last 14 days, as of/);

for (const colorScheme of ["light", "dark"] as const) {
  test(`axe finds nothing on the landing page, the list and a dialog (${colorScheme})`, async ({
    page,
  }) => {
    // Four axe runs over a page of 70 rows with values: more than the default 30 s under load.
    test.slow();
    const consoleErrors: string[] = [];
    page.on("console", (message) => {
      // Only the app's pages: the sandbox's consent page is not ours.
      const fromApp = message.location().url.startsWith(APP_URL);
      if (message.type() === "error" && fromApp) consoleErrors.push(message.text());
    });
    await page.emulateMedia({ colorScheme });
    await page.goto("/");
    // As it is once it works (the button is disabled until the page has hydrated).
    await expect(page.getByRole("button", { name: "Sign in with Exist" })).toBeEnabled();
    await expectNoAxeViolations(page);

    await signInThroughConsent(page);
    await expect(attributeSwitch(page, "Steps")).toBeVisible();
    // With the values, the Owners summary, stalled notes and "Also from" links in place.
    await expect(valuesLoaded(page)).toBeVisible();
    await expectNoAxeViolations(page);

    await attributeSwitch(page, "Steps").click();
    await expect(dialog(page, "Acquire Steps?")).toBeVisible();
    await expectNoAxeViolations(page);
    await dialog(page, "Acquire Steps?").getByRole("button", { name: "Cancel" }).click();

    await page.getByRole("checkbox", { name: "Select Mood", exact: true }).check();
    await page.getByRole("checkbox", { name: "Select Steps", exact: true }).check();
    await page.getByRole("button", { name: "Acquire selected" }).click();
    await expect(dialog(page, "Acquire 2 attributes?")).toBeVisible();
    await expectNoAxeViolations(page);
    expect(consoleErrors, "no hydration or runtime errors").toEqual([]);
  });
}

test("keyboard only: sign in, open a confirmation, focus stays inside, acquire", async ({
  page,
}) => {
  test.slow(); // a sign-in through the consent page, all by keys: over 20 s on a busy machine
  await page.goto("/");
  const signIn = page.getByRole("button", { name: "Sign in with Exist" });
  // Focus skips a disabled control: wait, as a person would, until the page has hydrated.
  await expect(signIn).toBeEnabled();
  await signIn.focus();
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Allow" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/attributes$/, { timeout: NAVIGATION_MS });

  const steps = attributeSwitch(page, "Steps");
  await expect(steps).toBeEnabled();
  await steps.focus();
  await page.keyboard.press("Space");
  const confirm = dialog(page, "Acquire Steps?");
  await expect(confirm).toBeVisible();
  // Radix traps focus: tabbing around never leaves the dialog.
  for (let i = 0; i < 6; i += 1) {
    await page.keyboard.press("Tab");
    expect(await confirm.evaluate((node) => node.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press("Escape");
  await expect(confirm).toBeHidden();
  await expect(steps).toBeFocused();

  await page.keyboard.press("Space");
  await confirm.getByRole("button", { name: "Acquire", exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(confirm).toBeHidden();
  await expect(steps).toBeChecked();
  await expect(steps).toBeFocused();
});

test("screenshots: light and dark, desktop and 375 px, no horizontal scroll", async ({ page }) => {
  test.slow();
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto("/?error=AccessDenied");
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: `test-results/screenshots/landing-${colorScheme}.png` });
  }
  await signInThroughConsent(page);
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await expect(attributeSwitch(page, "Steps")).toBeVisible();
      await expect(valuesLoaded(page)).toBeVisible();
      await expectNoHorizontalScroll(page);
      await page.screenshot({
        path: `test-results/screenshots/attributes-${colorScheme}-${width}.png`,
      });
    }
  }
  await attributeSwitch(page, "Steps").click();
  await expect(dialog(page, "Acquire Steps?")).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/acquire-dialog-dark-375.png" });
  await page.emulateMedia({ colorScheme: "light" });
  await page.screenshot({ path: "test-results/screenshots/acquire-dialog-light-375.png" });
  await dialog(page, "Acquire Steps?")
    .getByRole("button", { name: "Acquire", exact: true })
    .click();
  await expect(attributeSwitch(page, "Steps")).toBeChecked();
  await attributeSwitch(page, "Steps").click();
  await expect(dialog(page, "Release Steps?")).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/release-dialog-light-375.png" });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: "test-results/screenshots/release-dialog-dark-375.png" });
  await dialog(page, "Release Steps?").getByRole("button", { name: "Cancel" }).click();
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const label of ["Mood", "Energy", "Time asleep"]) {
    await page.getByRole("checkbox", { name: `Select ${label}`, exact: true }).check();
  }
  await page.getByRole("button", { name: "Acquire selected" }).click();
  await expect(dialog(page, "Acquire 3 attributes?")).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/bulk-dialog-dark-1280.png" });
  await page.emulateMedia({ colorScheme: "light" });
  await page.screenshot({ path: "test-results/screenshots/bulk-dialog-light-1280.png" });
});
