import { expect, test } from "../fixtures";
import { openConsent } from "./helpers";

test("signs in through Exist's consent page with Allow, and out again", async ({
  signedInPage: page,
}) => {
  await expect(page.getByRole("heading", { name: "Your attributes" })).toBeVisible();
  await expect(page.getByRole("banner")).toContainText("Demo User");
  await expect(page.getByRole("switch", { name: "Steps", exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("button", { name: "Sign in with Exist" })).toBeVisible();
  await page.goto("/attributes");
  await expect(page).toHaveURL(/\/$/);
});

test("says so when the user denies access on the consent page", async ({ page }) => {
  await openConsent(page);
  await page.getByRole("button", { name: "Deny" }).click();
  await expect(page).toHaveURL(/\/\?error=/);
  await expect(page.getByRole("alert").filter({ hasText: "not signed in" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in with Exist" })).toBeVisible();
});

test("a signed-in visitor of the landing page goes to the attributes page", async ({
  signedInPage: page,
}) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/attributes$/);
});
