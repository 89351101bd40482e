/**
 * Locators for the attributes page, by role and accessible name as a screen reader announces
 * them, and small steps the UI tests share.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page } from "@playwright/test";
import { APP_URL } from "../env";
import { FIRST_ROWS } from "../../lib/attributes/grouping";
import { sandbox, type SandboxAttribute } from "../sandbox";
import { clickSignIn } from "../session";

export function attributeSwitch(page: Page, label: string): Locator {
  return page.getByRole("switch", { name: label, exact: true });
}

/** The list item of one attribute (label, owner text, selection checkbox, switch). */
export function attributeRow(page: Page, label: string): Locator {
  return page.getByRole("listitem").filter({ has: attributeSwitch(page, label) });
}

export function dialog(page: Page, title: string): Locator {
  return page.getByRole("alertdialog", { name: title });
}

/** Acquires `label` as a person does: its switch, then Acquire in the dialog; ends switched on. */
export async function acquire(page: Page, label: string): Promise<void> {
  await attributeSwitch(page, label).click();
  await dialog(page, `Acquire ${label}?`)
    .getByRole("button", { name: "Acquire", exact: true })
    .click();
  await expect(attributeSwitch(page, label)).toBeChecked();
}

export function liveStatus(page: Page): Locator {
  return page.getByRole("status").filter({ hasText: /\S/ });
}

export async function sandboxAttribute(account: string, name: string): Promise<SandboxAttribute> {
  const found = (await sandbox.state(account)).find((attribute) => attribute.name === name);
  expect(found, `sandbox attribute ${name}`).toBeDefined();
  return found as SandboxAttribute;
}

/**
 * Makes the loaded list five minutes old, so the next refocus refetches it (LIST_STALE_MS).
 * The page's clock is faked and the page reloaded; the clock moves only once the list query has
 * subscribed. Moved any earlier (after hydration, before React's effects), the list would be
 * stale as it mounts and be refetched there and then, before the test changes anything on
 * Exist. The signal: the rows after the first FIRST_ROWS, which a transition started in the same
 * effects renders. (No request is a safe signal: the page being replaced may still send one.
 * The page's performance marks are out of reach under the fake clock.)
 */
export async function ageTheList(page: Page, account = "demo"): Promise<void> {
  const rows = (await sandbox.state(account)).length;
  expect(rows, "more rows than the first render shows").toBeGreaterThan(FIRST_ROWS);
  await page.clock.install();
  await page.reload();
  await expect(page.locator('[role="switch"][id^="attribute-switch-"]')).toHaveCount(rows);
  await page.clock.fastForward("05:01");
}

/** As if the user came back to the tab: TanStack Query refetches on focus. */
export async function refocus(page: Page): Promise<void> {
  await page.evaluate(() => window.dispatchEvent(new Event("focus")));
}

/** The sandbox's consent page, reached from the landing page (for Deny; Allow is signInThroughConsent). */
export async function openConsent(page: Page): Promise<void> {
  await page.goto("/");
  await clickSignIn(page);
  await expect(page.getByRole("button", { name: "Allow" })).toBeVisible();
}

/** Puts a sealed session cookie (`name=value`, from e2e/session.ts) into the browser. */
export async function useSessionCookie(page: Page, cookie: string): Promise<void> {
  const [name = "", ...value] = cookie.split("=");
  await page.context().addCookies([{ name, value: value.join("="), url: APP_URL }]);
}

/** Nothing on the page is wider than the window (no sideways scrolling, nothing cut off). */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

/** axe-core finds no WCAG problems on the page as it is now (or in the part `include` selects). */
export async function expectNoAxeViolations(page: Page, include?: string) {
  const builder = new AxeBuilder({ page });
  const results = await (include ? builder.include(include) : builder).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`),
  ).toEqual([]);
}
