/**
 * Playwright's `test` with this suite's fixtures. Tests that open a page import `test` and
 * `expect` from here; tests of plain HTTP import `httpTest` (no browser is started for them).
 *
 * - `sandbox` (automatic): the sandbox's controls, reset before every test (seeded accounts, no
 *   faults, an empty request log) and its faults cleared after it, so no test sees what another
 *   one left. (A request the sandbox answers late is logged late: a test that makes Exist answer
 *   after the app gave up waits for that answer, so it is not logged during the next test.)
 * - `ownAccount`: a fresh copy of the seeded `demo` under a name no other test uses, for tests
 *   whose history must start empty whatever ran before (the app's database lives for the run).
 * - `signedInPage` (browser only): the page, signed in through the sandbox's consent page as
 *   `account` (default `demo`, `test.use({ account })` for another), on the attributes page
 *   once it answers clicks.
 * - automatically, for every browser test: no page may break its Content-Security-Policy (every
 *   `securitypolicyviolation` event and CSP console error fails the test), and no history of the
 *   seeded accounts from earlier tests.
 */
import { test as base, expect, type Page } from "@playwright/test";
import { forgetHistory } from "./history/forget";
import { sandbox as controls } from "./sandbox";
import { signInThroughConsent } from "./session";

export { expect };

/** The sandbox's control client (e2e/sandbox.ts), as the `sandbox` fixture hands it over. */
export type Sandbox = typeof controls;

type HttpFixtures = { sandbox: Sandbox; ownAccount: string };

type BrowserFixtures = {
  account: string;
  signedInPage: Page;
  cspViolations: string[];
  freshHistory: void;
};

let copies = 0;

// (Fixtures' second parameter is named `provide`: React's lint rules take `use` for its hook.)
export const httpTest = base.extend<HttpFixtures>({
  // Automatic: every test starts from the seed, whatever the one before it changed.
  sandbox: [
    async ({}, provide) => {
      await controls.reset();
      await controls.clearRequests();
      await provide(controls);
      await controls.clearFaults();
    },
    { auto: true },
  ],
  ownAccount: async ({ sandbox }, provide) => {
    // Unique across runs too: a shared PostgreSQL server keeps its history between them.
    const name = `copy_${Date.now().toString(36)}_${(copies += 1)}`;
    await sandbox.addAccount(name, "demo");
    await provide(name);
  },
});

export const test = httpTest.extend<BrowserFixtures>({
  account: ["demo", { option: true }],
  // After the sandbox's reset: Playwright sets up automatic fixtures first.
  signedInPage: async ({ page, account }, provide) => {
    await signInThroughConsent(page, account);
    await expectHydrated(page);
    await provide(page);
  },
  // The app remembers owners between tests (its database lives for the whole run), and a sandbox
  // reset looks like changes made elsewhere: each test starts with no history for the seeded
  // accounts, so "Since your last visit" only shows what the test itself changed.
  freshHistory: [
    async ({}, provide) => {
      await forgetHistory(["demo", "heavy", "new"]);
      await provide();
    },
    { auto: true },
  ],
  cspViolations: [
    async ({ context }, provide) => {
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
      await provide(violations);
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});

/**
 * Waits until the attributes page answers clicks, as a person sees it: its switches stay
 * disabled (greyed) until React has hydrated the page (components/ui/switch.tsx). The list, its
 * buttons, filters and "Since your last visit" hydrate together, so one enabled switch means all
 * of them listen. Before that, a click or a key press would be lost, and text typed into the
 * filter would never reach React.
 */
export async function expectHydrated(page: Page): Promise<void> {
  await expect(page.getByRole("switch", { disabled: false }).first()).toBeVisible();
}
