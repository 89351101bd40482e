/**
 * Access: the page that lists what the app may read and write, asking Exist for more from where
 * it is missing ("Allow writing <Group>"), and declining on Exist's page.
 */
import type { Page } from "@playwright/test";
import { expect, expectHydrated, test } from "../fixtures";
import { EXIST_GROUPS } from "../../lib/exist/groups";
import { APP_URL } from "../env";
import { NAVIGATION_MS, SESSION_COOKIE, openCookie, sealCookie, signInGranting } from "../session";
import {
  attributeRow,
  attributeSwitch,
  dialog,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  sandboxAttribute,
} from "./helpers";

/** Every read scope, and of the write scopes only Mood's. */
const READS_AND_MOOD_WRITE = (wording: string) =>
  wording.startsWith("Read") || wording === "Write your Mood data";

async function grantedScopes(page: Page): Promise<string[]> {
  const cookies = await page.context().cookies(APP_URL);
  const session = cookies.find((cookie) => cookie.name === SESSION_COOKIE);
  expect(session, "session cookie").toBeDefined();
  return (await openCookie(`${SESSION_COOKIE}=${session?.value}`)).scopes;
}

/** The access page's rows, as the page shows them: group → [read, write]. */
async function accessRows(page: Page): Promise<Record<string, [string, string]>> {
  const rows: Record<string, [string, string]> = {};
  for (const row of await page.getByRole("table").getByRole("row").all()) {
    const header = row.getByRole("rowheader");
    if ((await header.count()) === 0) continue;
    const cells = row.getByRole("cell");
    const status = async (index: number) =>
      /Not allowed/.test((await cells.nth(index).textContent()) ?? "") ? "no" : "yes";
    rows[(await header.textContent()) ?? ""] = [await status(0), await status(1)];
  }
  return rows;
}

/** The access page shows, row by row, exactly what Exist granted (the scopes in the session). */
async function expectRowsEqualGranted(page: Page): Promise<Set<string>> {
  const granted = new Set(await grantedScopes(page));
  const yes = (scope: string) => (granted.has(scope) ? "yes" : "no");
  const expected = Object.fromEntries([
    ...EXIST_GROUPS.map(({ name, label }) => [
      `${label} group`,
      [yes(`${name}_read`), yes(`${name}_write`)],
    ]),
    ["Any manually tracked attribute", [yes("manual_read"), yes("manual_write")]],
  ]);
  expect(await accessRows(page)).toEqual(expected);
  return granted;
}

/**
 * axe (on the page, or the part `axeOn` selects: the whole attributes page is slow to check on a
 * busy machine) in light and dark, and screenshots at 1280 and 375 px without sideways scrolling.
 */
async function checkScreens(page: Page, name: string, axeOn?: string) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width: 1280, height: 1100 });
    await expectNoAxeViolations(page, axeOn);
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 1100 });
      await expectNoHorizontalScroll(page);
      if (axeOn)
        await page
          .locator(axeOn)
          .first()
          .evaluate((node) => node.scrollIntoView());
      await page.screenshot({
        path: `test-results/screenshots/${name}-${colorScheme}-${width}.png`,
        fullPage: !axeOn,
      });
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1280, height: 720 });
}

test("the access page lists, per group, exactly the scopes Exist granted, in Exist's wording", async ({
  page,
}) => {
  test.slow(); // axe and screenshots in two colour schemes and two widths
  await signInGranting(page, READS_AND_MOOD_WRITE);
  await page.getByRole("banner").getByRole("link", { name: "Access" }).click();
  await expect(page).toHaveURL(/\/access$/);
  await expect(page.getByRole("heading", { name: "Your access" })).toBeVisible();
  // The header marks where the person is.
  const banner = page.getByRole("banner");
  await expect(banner.getByRole("link", { name: "Access" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(banner.getByRole("link", { name: "History" })).not.toHaveAttribute("aria-current");

  const granted = await expectRowsEqualGranted(page);
  expect(granted.has("mood_write")).toBe(true);
  expect(granted.has("health_write")).toBe(false);
  expect(granted.has("health_read")).toBe(true);
  // Every group but Mood offers to allow writing it.
  await expect(page.getByRole("button", { name: /^Allow writing / })).toHaveCount(15);
  await expect(page.getByRole("button", { name: "Allow writing Mood" })).toHaveCount(0);
  await checkScreens(page, "access-partial");
});

test("with every scope granted, the access page shows each group readable and writable", async ({
  signedInPage: page,
}) => {
  test.slow(); // axe and screenshots in two colour schemes and two widths
  await page.goto("/access");
  const granted = await expectRowsEqualGranted(page);
  for (const { name } of EXIST_GROUPS) {
    expect(granted.has(`${name}_read`) && granted.has(`${name}_write`), name).toBe(true);
  }
  await expect(page.getByRole("button", { name: /^Allow writing / })).toHaveCount(0);
  await checkScreens(page, "access-all");
});

test("Allow writing Health: through Exist's consent and back to the group, now writable; an acquire in it succeeds", async ({
  page,
  sandbox,
}) => {
  test.slow(); // two sign-ins through the consent page, axe in two colour schemes
  await signInGranting(page, READS_AND_MOOD_WRITE);
  const health = page.getByRole("region", { name: "Health and body" });
  await expect(health).toContainText("Read-only: this app was not granted health_write");
  // Every switch is disabled until the page has hydrated: only after that does this one say
  // "read-only".
  await expectHydrated(page);
  await expect(attributeSwitch(page, "Weight")).toBeDisabled();
  await checkScreens(page, "read-only-group", 'section[aria-labelledby="group-health"]');
  await health.screenshot({ path: "test-results/screenshots/read-only-group-section.png" });
  const before = await grantedScopes(page);

  await health.getByRole("button", { name: "Allow writing Health and body" }).click();
  // Exist is asked for what was granted plus health_write, and nothing else.
  await expect(page).toHaveURL(new RegExp(`^${sandbox.url}/oauth2/authorize`), {
    timeout: NAVIGATION_MS,
  });
  const asked = new URL(page.url()).searchParams.get("scope")?.split(" ") ?? [];
  expect(asked.sort()).toEqual([...before, "health_write"].sort());
  await expect(
    page.getByRole("checkbox", { name: "Write your Health and body data" }),
  ).toBeChecked();
  await page.getByRole("button", { name: "Allow", exact: true }).click();

  await expect(page).toHaveURL(/\/attributes#group-health$/, { timeout: NAVIGATION_MS });
  await expect(health).not.toContainText("Read-only");
  await expect(health.getByRole("button", { name: /^Allow writing/ })).toHaveCount(0);
  expect((await grantedScopes(page)).sort()).toEqual([...before, "health_write"].sort());
  // Mood is still writable: nothing granted before was lost.
  await expect(page.getByRole("region", { name: "Mood" })).not.toContainText("Read-only");

  const weight = attributeSwitch(page, "Weight");
  await expect(weight).toBeEnabled();
  await weight.click();
  const confirm = dialog(page, "Acquire Weight?");
  await confirm.getByRole("button", { name: "Acquire", exact: true }).click();
  await expect(confirm).toBeHidden();
  await expect(attributeRow(page, "Weight")).toContainText("Owned by this app");
  expect((await sandboxAttribute("demo", "weight")).service?.label).toBe("Exist Ownership");
});

test("Deny on Exist's page when asked for more: nothing changed, still signed in, and it says so", async ({
  page,
}) => {
  test.slow(); // axe and screenshots in two colour schemes and two widths
  await signInGranting(page, READS_AND_MOOD_WRITE);
  const before = await grantedScopes(page);
  const health = page.getByRole("region", { name: "Health and body" });
  await health.getByRole("button", { name: "Allow writing Health and body" }).click();
  await page.getByRole("button", { name: "Deny", exact: true }).click();

  const notice = page.getByRole("status").filter({ hasText: "nothing changed" });
  await expect(notice).toHaveText(
    "You did not allow more access on Exist, so nothing changed: this app may read and write what it could before.",
    { timeout: NAVIGATION_MS },
  );
  await expect(notice).toBeInViewport();
  // Said once: the marker leaves the address, so a reload does not repeat it.
  await expect(page).toHaveURL(/\/attributes$/);
  await expect(page.getByRole("banner")).toContainText("Demo User");
  await expect(health).toContainText("Read-only: this app was not granted health_write");
  await expect(attributeSwitch(page, "Mood")).toBeEnabled();
  expect(await grantedScopes(page)).toEqual(before);
  await checkScreens(page, "declined", "#consent-declined");
});

test("Allow writing from the access page comes back to the access page with the group writable", async ({
  page,
}) => {
  await signInGranting(page, READS_AND_MOOD_WRITE);
  await page.goto("/access");
  const sleep = page.getByRole("row", { name: /^Sleep group/ });
  await expect(sleep.getByRole("cell").nth(1)).toContainText("Not allowed");
  await sleep.getByRole("button", { name: "Allow writing Sleep" }).click();
  await page.getByRole("button", { name: "Allow", exact: true }).click();
  await expect(page).toHaveURL(/\/access#access-sleep$/, { timeout: NAVIGATION_MS });
  await expect(sleep.getByRole("cell").nth(1)).toContainText("Allowed");
  await expect(sleep.getByRole("cell").nth(1)).not.toContainText("Not allowed");
  expect(await grantedScopes(page)).toContain("sleep_write");
});

test("a single or bulk change Exist refuses for a missing scope offers Allow writing that group", async ({
  page,
}) => {
  test.slow(); // a sign-in, a single and a bulk change, and axe on the attributes page
  // Granted everything but activity_write; then the app is made to believe it has it, as after
  // the person took it back on Exist: Exist refuses item by item.
  await signInGranting(page, (wording) => wording !== "Write your Activity data");
  const cookies = await page.context().cookies(APP_URL);
  const value = cookies.find((cookie) => cookie.name === SESSION_COOKIE)?.value ?? "";
  const token = await openCookie(`${SESSION_COOKIE}=${value}`);
  const claimed = await sealCookie({ ...token, scopes: [...token.scopes, "activity_write"] });
  await page
    .context()
    .addCookies([
      { name: SESSION_COOKIE, value: claimed.slice(SESSION_COOKIE.length + 1), url: APP_URL },
    ]);
  await page.reload();

  await attributeSwitch(page, "Steps").click();
  const confirm = dialog(page, "Acquire Steps?");
  await confirm.getByRole("button", { name: "Acquire", exact: true }).click();
  await expect(confirm.getByRole("alert")).toContainText("Missing scope 'activity_write'");
  await expect(confirm.getByRole("button", { name: "Allow writing Activity" })).toBeVisible();
  await expectNoAxeViolations(page, '[role="alertdialog"]');
  await confirm.getByRole("button", { name: "Cancel" }).click();

  await page.getByRole("checkbox", { name: "Select Steps" }).check();
  await page.getByRole("checkbox", { name: "Select Mood", exact: true }).check();
  await page.getByRole("button", { name: "Acquire selected" }).click();
  await dialog(page, "Acquire 2 attributes?")
    .getByRole("button", { name: "Acquire", exact: true })
    .click();
  const results = page.getByRole("region", { name: "Acquired 1 of 2 attributes; 1 failed." });
  await expect(results.getByRole("button", { name: "Allow writing Activity" })).toBeVisible();
  await results.getByRole("button", { name: "Allow writing Activity" }).click();
  await expect(page.getByRole("checkbox", { name: "Write your Activity data" })).toBeChecked({
    timeout: NAVIGATION_MS,
  });
});
