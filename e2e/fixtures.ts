/**
 * Playwright's `test`, with an automatic check that no page broke its Content-Security-Policy:
 * every `securitypolicyviolation` event and every CSP console error of any page of the test fails
 * it. Tests that open a page import `test` and `expect` from here.
 */
import { test as base, expect, type Page } from "@playwright/test";
import { forgetHistory } from "./history/forget";

export { expect };

type CspFixtures = { cspViolations: string[]; freshHistory: void };

export const test = base.extend<CspFixtures>({
  // The app remembers owners between tests (its database lives for the whole run), and a sandbox
  // reset looks like changes made elsewhere: each test starts with no history for the seeded
  // accounts, so "Since your last visit" only shows what the test itself changed.
  freshHistory: [
    async ({}, use) => {
      await forgetHistory(["demo", "heavy", "new"]);
      await use();
    },
    { auto: true },
  ],
  cspViolations: [
    async ({ context }, use) => {
      const violations: string[] = [];
      await context.exposeBinding("__reportCspViolation", ({ frame }, text: string) => {
        violations.push(`${frame.url()}: ${text}`);
      });
      await context.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (event) => {
          const report = (window as unknown as { __reportCspViolation?: (text: string) => void })
            .__reportCspViolation;
          report?.(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"}`);
        });
      });
      context.on("console", (message) => {
        if (/Content[- ]Security[- ]Policy/i.test(message.text())) {
          violations.push(`console: ${message.text()}`);
        }
      });
      await use(violations);
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});

/**
 * Waits until React has hydrated the attributes page (its switches carry React's props): the
 * server's HTML shows the switches before they answer clicks or focus events.
 */
export async function waitForHydration(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const element = document.querySelector('[id^="attribute-switch-"]');
    return element !== null && Object.keys(element).some((key) => key.startsWith("__reactProps"));
  });
}
