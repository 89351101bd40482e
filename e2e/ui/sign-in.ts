/**
 * Signing in the way a person does: landing page → Exist's (the sandbox's) consent page → back.
 * Stands in until e2e/session.ts offers the shared helper.
 */
import { expect, type Page } from "@playwright/test";

export async function openConsent(page: Page): Promise<void> {
  await page.goto("/");
  await page.getByRole("button", { name: "Sign in with Exist" }).click();
  await expect(page.getByRole("button", { name: "Allow" })).toBeVisible();
}

export async function signInThroughConsent(page: Page, account = "demo"): Promise<void> {
  await openConsent(page);
  if (account !== "demo") await page.getByRole("radio", { name: `${account} –` }).check();
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page).toHaveURL(/\/attributes$/);
}
