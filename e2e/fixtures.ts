/**
 * Playwright's `test`, with an automatic check that no page broke its Content-Security-Policy:
 * every `securitypolicyviolation` event and every CSP console error of any page of the test fails
 * it. Tests that open a page import `test` and `expect` from here.
 */
import { test as base, expect, type Page } from "@playwright/test";

export { expect };

type CspFixtures = { cspViolations: string[] };

export const test = base.extend<CspFixtures>({
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
