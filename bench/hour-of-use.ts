/**
 * An hour of use of the attributes page, counted in calls to Exist (the sandbox's request log):
 * the first load, 20 window refocuses three minutes apart, 10 single changes (5 acquires, then
 * the same 5 released) between them, and one bulk acquire of 40.
 *
 * A real browser drives the real page: clicks on switches, dialogs and checkboxes, and `focus`
 * events for refocuses. The hour passes on the page's clock (Playwright's fake clock, moved three
 * minutes before each refocus), so the page's own staleness rules decide what it fetches. The
 * server's caches run on real time (the script takes about a minute), so a server cache shorter
 * than an hour would serve more here than in a real hour: the app's values cache lasts longer
 * than an hour and its list cache is skipped by the page's refetches, so neither flatters it.
 *
 * Also runnable alone against a running app and sandbox (`E2E_APP_PORT=… E2E_SANDBOX_PORT=…
 * npx tsx bench/hour-of-use.ts`), which is how the figure before a change is taken.
 */
import { chromium, type Page } from "@playwright/test";
import { chromiumPath } from "../e2e/chromium";
import { APP_URL } from "../e2e/env";
import { sandbox } from "../e2e/sandbox";
import { sealSession } from "../e2e/session";

export type HourOfUse = { account: string; calls: number; byPath: Record<string, number> };

/** Resolves once the page has had no request in flight for `quietMs`. */
function trackIdle(page: Page) {
  let inFlight = 0;
  let lastChange = Date.now();
  const change = (delta: number) => {
    inFlight += delta;
    lastChange = Date.now();
  };
  page.on("request", () => change(1));
  page.on("requestfinished", () => change(-1));
  page.on("requestfailed", () => change(-1));
  return async (quietMs = 400) => {
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      if (inFlight <= 0 && Date.now() - lastChange >= quietMs) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error("the page never went quiet");
  };
}

async function toggle(page: Page, label: string, action: "Acquire" | "Release") {
  await page.getByRole("switch", { name: label, exact: true }).click();
  const dialog = page.getByRole("alertdialog", { name: `${action} ${label}?` });
  await dialog.getByRole("button", { name: action, exact: true }).click();
  await dialog.waitFor({ state: "hidden" });
}

export async function hourOfUse(account: string): Promise<HourOfUse> {
  await sandbox.reset();
  const attributes = await sandbox.state(account);
  const candidates = attributes.filter(
    (attribute) =>
      attribute.service?.name !== "exist_ownership" && attribute.group.name !== "custom",
  );
  const singles = candidates.slice(0, 5).map((attribute) => attribute.label);
  const bulk = candidates.slice(5, 45).map((attribute) => attribute.label);
  const { cookie } = await sealSession(account);
  const [name = "", ...value] = cookie.split("=");

  const executablePath = chromiumPath();
  const browser = await chromium.launch(executablePath ? { executablePath } : {});
  try {
    const context = await browser.newContext();
    await context.addCookies([{ name, value: value.join("="), url: APP_URL }]);
    const page = await context.newPage();
    const idle = trackIdle(page);
    await page.clock.install();
    await sandbox.clearRequests();

    await page.goto(`${APP_URL}/attributes`);
    await page.waitForFunction(() => {
      const element = document.querySelector('[id^="attribute-switch-"]');
      return element !== null && Object.keys(element).some((key) => key.startsWith("__react"));
    });
    await idle();

    for (let index = 0; index < 20; index += 1) {
      await page.clock.fastForward("03:00");
      await page.evaluate(() => window.dispatchEvent(new Event("focus")));
      await idle();
      const label = singles[Math.floor(index / 2) % singles.length];
      if (index % 2 === 1 && label) {
        await toggle(page, label, index < 10 ? "Acquire" : "Release");
        await idle();
      }
    }

    for (const label of bulk) {
      await page.getByRole("checkbox", { name: `Select ${label}`, exact: true }).check();
    }
    await page.getByRole("button", { name: "Acquire selected" }).click();
    const dialog = page.getByRole("alertdialog", { name: `Acquire ${bulk.length} attributes?` });
    await dialog.getByRole("button", { name: "Acquire", exact: true }).click();
    await dialog.waitFor({ state: "hidden" });
    await idle(1000);

    const calls = (await sandbox.requests()).filter((call) => call.path.startsWith("/api/2/"));
    const byPath: Record<string, number> = {};
    for (const call of calls) byPath[call.path] = (byPath[call.path] ?? 0) + 1;
    return { account, calls: calls.length, byPath };
  } finally {
    await browser.close();
  }
}

if (process.argv[1]?.endsWith("hour-of-use.ts")) {
  for (const account of ["demo", "heavy"]) {
    console.log(JSON.stringify(await hourOfUse(account)));
  }
}
