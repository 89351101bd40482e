/**
 * Keyboard only, for the bulk flow and the template flow (the single switch is in a11y.spec.ts):
 * every step by focus and keys, focus trapped in the dialog and put back somewhere useful.
 */
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { attributeSwitch, dialog, sandboxAttribute } from "./helpers";

/** Tab (and nothing else) until `target` has focus; focus never leaves `within`. */
async function tabTo(page: Page, target: Locator, within: Locator) {
  for (let i = 0; i < 10; i += 1) {
    if (await target.evaluate((node) => node === document.activeElement)) return;
    await page.keyboard.press("Tab");
    expect(await within.evaluate((node) => node.contains(document.activeElement))).toBe(true);
  }
  await expect(target).toBeFocused();
}

test("keyboard only: select two rows, Acquire selected, confirm; the result gets focus", async ({
  signedInPage: page,
}) => {
  for (const label of ["Steps", "Mood"]) {
    const select = page.getByRole("checkbox", { name: `Select ${label}`, exact: true });
    await select.focus();
    await page.keyboard.press("Space");
    await expect(select).toBeChecked();
  }
  await expect(page.getByText("2 selected")).toBeVisible();

  const acquireSelected = page.getByRole("button", { name: "Acquire selected" });
  await acquireSelected.focus();
  await page.keyboard.press("Enter");
  const confirm = dialog(page, "Acquire 2 attributes?");
  await expect(confirm).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(confirm).toBeHidden();
  await expect(acquireSelected).toBeFocused();

  await page.keyboard.press("Enter");
  await expect(confirm).toBeVisible();
  await tabTo(page, confirm.getByRole("button", { name: "Acquire", exact: true }), confirm);
  await page.keyboard.press("Enter");
  await expect(confirm).toBeHidden();
  await expect(page.getByRole("heading", { name: "Acquired 2 of 2 attributes." })).toBeFocused();
  await expect(attributeSwitch(page, "Steps")).toBeChecked();
  await expect(attributeSwitch(page, "Mood")).toBeChecked();
  expect((await sandboxAttribute("demo", "mood")).service?.label).toBe("Exist Ownership");
});

test("keyboard only: show templates, add one, create and acquire; focus lands on its switch", async ({
  signedInPage: page,
}) => {
  const show = page.getByRole("button", { name: "Show templates" });
  await show.focus();
  await page.keyboard.press("Enter");
  const add = page.getByRole("button", { name: "Add Pages read" });
  await expect(add).toBeVisible();
  await add.focus();
  await page.keyboard.press("Enter");
  const confirm = dialog(page, "Create Pages read?");
  await expect(confirm).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(confirm).toBeHidden();
  await expect(add).toBeFocused();

  await page.keyboard.press("Space");
  await expect(confirm).toBeVisible();
  await tabTo(page, confirm.getByRole("button", { name: "Create and acquire" }), confirm);
  await page.keyboard.press("Enter");
  await expect(confirm).toBeHidden();
  const created = attributeSwitch(page, "Pages read");
  await expect(created).toBeChecked();
  await expect(created).toBeFocused();
  expect((await sandboxAttribute("demo", "pages_read")).service?.label).toBe("Exist Ownership");
});
