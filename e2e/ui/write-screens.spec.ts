/**
 * How writing looks and reads: the phone's first screen (the Owners summary folded, the first
 * attribute in view), axe on the Log and New tag dialogs in light and dark, and screenshots of
 * every new screen and state into test-results/screenshots/ (light, dark, 375 px).
 */
import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { sandbox } from "../sandbox";
import { attributeSwitch, expectNoAxeViolations } from "./helpers";
import { INCREMENT, openAs, openLog } from "./write-helpers";

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/screenshots/${name}.png` });

test.beforeEach(async () => {
  await sandbox.reset();
  await sandbox.clearFaults();
});

test("on a 375 px phone the first attribute is on the first screen; all owners one tap away", async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 667 });
  await openAs(page, "demo");
  await page.evaluate(() => window.scrollTo(0, 0));
  const firstRow = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("switch") })
    .first();
  await expect(firstRow).toBeInViewport({ ratio: 1 });

  const owners = page.getByRole("navigation", { name: "Owners" });
  // The owners' filters: "Google Fit 12" (the fold's button ends in a word).
  const filters = owners.getByRole("button", { name: / \d+$/ });
  const more = owners.getByRole("button", { name: /^Show all \d+ owners$/ });
  const total = Number(/\d+/.exec((await more.textContent()) ?? "")?.[0]);
  expect(total).toBeGreaterThan(2);
  await expect(filters.filter({ visible: true })).toHaveCount(2);
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await shot(page, `phone-first-screen-${colorScheme}-375`);
  }

  await more.click();
  await expect(owners.getByRole("button", { name: "Show fewer owners" })).toHaveAttribute(
    "aria-expanded",
    "true",
  );
  await expect(filters.filter({ visible: true })).toHaveCount(total);
  await shot(page, "phone-owners-expanded-dark-375");
  // A folded owner is a filter too, and stays shown while it filters.
  const inactive = owners.getByRole("button", { name: /^Inactive \d+$/ });
  await inactive.click();
  await expect(inactive).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByLabel("Owner", { exact: true })).toHaveValue("inactive");
  await owners.getByRole("button", { name: "Show fewer owners" }).click();
  await expect(inactive).toBeVisible();
  await expect(filters.filter({ visible: true })).toHaveCount(3);

  // The other filters and the bulk bar are one tap away too.
  await expect(page.getByLabel("Group", { exact: true })).toBeHidden();
  await page.getByRole("button", { name: "More filters (1 on)" }).click();
  await expect(page.getByLabel("Group", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Acquire selected" })).toBeHidden();
  await page
    .getByRole("checkbox", { name: /^Select / })
    .first()
    .check();
  await expect(page.getByRole("button", { name: "Acquire selected" })).toBeVisible();

  // A wider screen shows every owner, with nothing folded.
  await page.setViewportSize({ width: 1280, height: 900 });
  await owners.getByRole("button", { name: /^Inactive \d+$/ }).click();
  await expect(filters.filter({ visible: true })).toHaveCount(total);
  await expect(owners.getByRole("button", { name: /^Show/ })).toBeHidden();
});

test("axe finds nothing on the Log and New tag dialogs, light and dark", async ({ page }) => {
  test.slow();
  await openAs(page, "auckland");
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    for (const label of ["Weight", "Swim", "Mood note"]) {
      const log = await openLog(page, label);
      await expectNoAxeViolations(page);
      await log.getByRole("button", { name: "Save", exact: true }).click();
      await expect(log.getByRole("alert")).toBeVisible();
      await expectNoAxeViolations(page);
      await log.getByRole("button", { name: "Cancel" }).click();
    }
    await page.getByRole("button", { name: "New tag" }).click();
    const create = page.getByRole("dialog", { name: "New daily tag" });
    await create.getByRole("button", { name: "Create tag" }).click();
    await expect(create.getByRole("alert")).toBeVisible();
    await expectNoAxeViolations(page);
    await create.getByRole("button", { name: "Cancel" }).click();
  }
});

test("screenshots: the Log dialog of each kind of field, its refusals and outcomes", async ({
  page,
}) => {
  test.slow();
  await sandbox.setOwner("auckland", "meditation_min", "exist_ownership");
  await openAs(page, "auckland");
  for (const [width, colorScheme] of [
    [1280, "light"],
    [1280, "dark"],
    [375, "light"],
  ] as const) {
    await page.setViewportSize({ width, height: width === 375 ? 667 : 900 });
    await page.emulateMedia({ colorScheme });
    const suffix = `${colorScheme}-${width}`;
    let log = await openLog(page, "Weight");
    await shot(page, `log-weight-${suffix}`);
    await log.getByLabel("Weight (kg)").fill("-2");
    await log.getByRole("button", { name: "Save", exact: true }).click();
    await expect(log.getByRole("alert")).toBeVisible();
    await shot(page, `log-refused-${suffix}`);
    await log.getByRole("button", { name: "Cancel" }).click();

    for (const [label, name] of [
      ["Meditation", "duration"],
      ["Swim", "tag"],
      ["Mood note", "text"],
      ["Wake time", "time"],
      ["Mood", "scale"],
    ] as const) {
      log = await openLog(page, label);
      await shot(page, `log-${name}-${suffix}`);
      await log.getByRole("button", { name: "Cancel" }).click();
    }

    await page.getByRole("button", { name: "New tag" }).click();
    const create = page.getByRole("dialog", { name: "New daily tag" });
    await create.getByLabel("Tag name").fill("Swim");
    await create.getByRole("button", { name: "Create tag" }).click();
    await expect(create.getByRole("alert")).toBeVisible();
    await shot(page, `new-tag-refused-${suffix}`);
    await create.getByRole("button", { name: "Cancel" }).click();
  }

  await page.setViewportSize({ width: 375, height: 667 });
  await sandbox.fault({ path: INCREMENT, drop: true, times: 1 });
  let log = await openLog(page, "Coffees");
  await log.getByLabel("Coffees").fill("2");
  await log.getByRole("button", { name: "Add to total" }).click();
  await expect(log.getByRole("alert")).toContainText("Exist's answer was lost");
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await shot(page, `log-unknown-${colorScheme}-375`);
  }
  await log.getByRole("button", { name: "Cancel" }).click();

  await sandbox.setOwner("auckland", "weight", "withings");
  log = await openLog(page, "Weight");
  await log.getByLabel("Weight (kg)").fill("72.5");
  await log.getByRole("button", { name: "Save", exact: true }).click();
  await expect(log.getByRole("button", { name: "Acquire Weight" })).toBeVisible();
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await shot(page, `log-owner-lost-${colorScheme}-375`);
  }
  await log.getByRole("button", { name: "Cancel" }).click();

  log = await openLog(page, "Water");
  await log.getByLabel("Water (ml)").fill("300");
  await log.getByRole("button", { name: "Add to total" }).click();
  await expect(log).toBeHidden();
  await expect(attributeSwitch(page, "Water")).toBeVisible();
  await page.getByRole("status").scrollIntoViewIfNeeded();
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await shot(page, `logged-status-${colorScheme}-375`);
  }
});
