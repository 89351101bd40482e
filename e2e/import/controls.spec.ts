/**
 * The import's progress as the person sees it, on an extra app instance whose window is 60 s with
 * 2 update/ calls of it for imports (EXIST_RATE_WINDOW_S, IMPORT_CALLS_PER_WINDOW), so an import
 * of 5 calls takes three windows: the progress bar's values, "Waiting for Exist's call limit until
 * HH:MM", Pause (nothing reaches Exist while paused, the app restarted meanwhile), Resume, the
 * attributes page's link to the running import, coming back to the page, and Import finished; in
 * another test Cancel import (nothing more written, the kept Exist token deleted).
 */
import type { Locator, Page } from "@playwright/test";
import { expect, expectHydrated, test } from "../fixtures";
import { startInstance, tempDataDir, type AppInstance } from "../history/instances";
import { APP_PORT } from "../env";
import { sandbox } from "../sandbox";
import { sealSession, type SealedSession } from "../session";
import { UPDATE, expectedCounts, lastDays, sandboxValues, wideDraft } from "./helpers";
import { countRows } from "./stored-rows";

const SHOTS = "e2e/artifacts/import";
const PORT = APP_PORT + 60;
const WINDOW_MS = 60_000;
/**
 * What is left of a window when the test starts the import or resumes it: its calls (after the
 * job engine's poll, every 5 s on PGlite, and the call Exist holds back) and the visit to the
 * attributes page all fall in that window.
 */
const LEFT_MS = 40_000;
const SHARE = 2;
/** The person's zone (the auckland account's, in Exist) is the browser's: their own clock. */
const ZONE = "Pacific/Auckland";
test.use({ timezoneId: ZONE, locale: "en-GB" });

const env = (dataDir: string) => ({
  DATA_DIR: dataDir,
  EXIST_RATE_WINDOW_S: String(WINDOW_MS / 1000),
  IMPORT_CALLS_PER_WINDOW: String(SHARE),
  // Long enough for the update/ call the sandbox holds back, to see the import at work.
  EXIST_TIMEOUT_MS: "20000",
});

/** 80 days of water and mood notes, none as Exist holds them: 160 values, 5 calls of 35. */
const DAYS = lastDays(80);
const COLUMNS = [
  { name: "water", label: "Water", valueType: 0, values: DAYS.map((_, i) => 2000 + i) },
  { name: "mood_note", label: "Mood note", valueType: 2, values: DAYS.map((_, i) => `Note ${i}`) },
];
const FILE = {
  name: "controls.csv",
  mimeType: "text/csv",
  buffer: Buffer.from(
    ["Date,Water,Mood note", ...DAYS.map((day, i) => `${day},${2000 + i},Note ${i}`)].join("\n"),
  ),
};

let instance: AppInstance | undefined;
let dataDir = "";
let session: SealedSession;

test.beforeEach(async ({ page }) => {
  test.setTimeout(360_000);
  session = await sealSession("auckland");
  dataDir = tempDataDir();
  instance = await startInstance(PORT, env(dataDir));
  const [name = "", ...value] = session.cookie.split("=");
  await page.context().addCookies([{ name, value: value.join("="), url: instance.url }]);
});

test.afterEach(async () => {
  await instance?.stop("SIGKILL");
  instance = undefined;
});

/** "19:00": a window's start on the person's clock, as the page words it. */
const clock = (ms: number) =>
  new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: ZONE }).format(
    ms,
  );
const windowEnd = (ms: number) => Math.ceil(ms / WINDOW_MS) * WINDOW_MS;
const waiting = (page: Page, until: number) =>
  page
    .getByRole("status")
    .filter({ hasText: `Waiting for Exist's call limit until ${clock(until)}` });
const bar = (page: Page) => page.getByRole("progressbar", { name: "Import progress" });

async function updates() {
  return (await sandbox.requests(UPDATE)).filter((request) => request.status === 200);
}

/** The update/ calls Exist took stay `calls` until `until` (and the import's next run) has passed. */
async function nothingSentUntil(until: number, calls: number) {
  // The absence of a call can only be watched for a while: until the window the import would
  // have gone on in has started, and the job engine's next poll (every 5 s on PGlite) after it.
  while (Date.now() < until + 7_000) {
    expect(await updates()).toHaveLength(calls);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  expect(await updates()).toHaveLength(calls);
}

async function shoot(page: Page, state: string) {
  await page.screenshot({ path: `${SHOTS}/controls-${state}.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: `${SHOTS}/controls-${state}-dark.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: `${SHOTS}/controls-${state}-375.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

/**
 * Clicks `button` with at least LEFT_MS of the window left, waiting for the next window when it is
 * later (the clock, not the app, decides when a window starts): resolves with that window's end.
 */
async function clickEarlyInWindow(button: Locator): Promise<number> {
  const into = Date.now() % WINDOW_MS;
  if (into > WINDOW_MS - LEFT_MS) {
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS - into + 200));
  }
  const clicked = Date.now();
  await button.click();
  return windowEnd(clicked);
}

/** The file picked, previewed and started: resolves with the values to write and the window's end. */
async function startImport(page: Page) {
  const counts = await expectedCounts(session.tokens.access_token, wideDraft("", DAYS, COLUMNS));
  const toWrite = counts.new + counts.replace;
  expect(counts.unchanged).toBe(0);
  expect(Math.ceil(toWrite / 35)).toBe(5);
  await page.goto(`${instance?.url}/attributes`);
  await expectHydrated(page);
  await page.getByRole("link", { name: "Import", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Import values" })).toBeVisible();
  await page.getByLabel("File", { exact: true }).setInputFiles(FILE);
  await expect(page.getByRole("combobox", { name: "Water column" })).toHaveValue("attribute:water");
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview).toContainText(`${counts.new} new`, { timeout: 15_000 });
  await expect(preview).toContainText(`${counts.replace} to replace`);
  await sandbox.clearRequests();
  const firstWindowEnd = await clickEarlyInWindow(
    page.getByRole("button", { name: "Start import" }),
  );
  await expect(bar(page)).toHaveAttribute("aria-valuemax", String(toWrite));
  return { toWrite, firstWindowEnd };
}

test("the progress bar, waiting until a clock time, Pause, Resume, the way back, and Import finished", async ({
  page,
}) => {
  const { toWrite, firstWindowEnd } = await startImport(page);
  // The window's two calls, then the wait for the next window, named on the person's clock.
  await expect(bar(page)).toHaveAttribute("aria-valuenow", "70", { timeout: 20_000 });
  await expect(waiting(page, firstWindowEnd)).toBeVisible({
    timeout: firstWindowEnd - Date.now(),
  });
  await expect(page.getByText(`70 of ${toWrite} values written · 2 calls of 5 used`)).toBeVisible();
  await shoot(page, "waiting");

  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Paused" })).toHaveText(
    "Paused: nothing is written until you resume.",
  );
  await expect(page.getByRole("button", { name: "Resume" })).toBeVisible();
  await shoot(page, "paused");
  // Past the window the import would have gone on in: nothing reaches Exist.
  await nothingSentUntil(firstWindowEnd, 2);
  await expect(bar(page)).toHaveAttribute("aria-valuenow", "70");

  // The app stopped and started again while paused: the sealed token is kept (the import is
  // pending), and the page, reloaded, shows the import where it is.
  await instance?.stop("SIGTERM");
  expect(await countRows(dataDir)).toEqual({ paused: 1, tokens: 1 });
  instance = await startInstance(PORT, env(dataDir));
  await page.reload();
  await expect(bar(page)).toHaveAttribute("aria-valuenow", "70");
  await expect(bar(page)).toHaveAttribute("aria-valuemax", String(toWrite));
  expect(await updates()).toHaveLength(2);

  // Exist holds back the next call a while: the import is seen at work, not waiting.
  await sandbox.fault({ path: UPDATE, delayMs: 5_000, times: 1 });
  const secondWindowEnd = await clickEarlyInWindow(page.getByRole("button", { name: "Resume" }));
  await expect(page.getByRole("button", { name: "Pause" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /Paused|Waiting/ })).toHaveCount(0);
  await shoot(page, "running");
  await expect(bar(page)).toHaveAttribute("aria-valuenow", "140", { timeout: 20_000 });
  await expect(waiting(page, secondWindowEnd)).toBeVisible({ timeout: 10_000 });

  // Away to the attributes page: a small link to the running import, and back by it.
  await page.getByRole("link", { name: "Exist Ownership" }).click();
  const link = page.getByRole("link", {
    name: `Import of controls.csv running: 140 of ${toWrite} values written`,
  });
  await expect(link).toBeVisible({ timeout: 15_000 });
  await link.click();
  await expect(bar(page)).toHaveAttribute("aria-valuenow", "140");
  await expect(bar(page)).toHaveAttribute("aria-valuemax", String(toWrite));
  await expect(waiting(page, secondWindowEnd)).toBeVisible();
  await page.reload();
  await expect(bar(page)).toHaveAttribute("aria-valuenow", "140");
  await expect(page.getByRole("button", { name: "Preview" })).toHaveCount(0);

  const finished = page.getByRole("region", { name: "Import finished" });
  await expect(finished).toBeVisible({ timeout: secondWindowEnd - Date.now() + 20_000 });
  await expect(finished.getByRole("heading", { name: "Import finished" })).toBeVisible();
  await expect(finished).toContainText(`${toWrite} written`);
  const calls = await updates();
  expect(calls.map((call) => call.objects)).toEqual([35, 35, 35, 35, toWrite - 140]);
  for (const column of COLUMNS) {
    const now = await sandboxValues(session.tokens.access_token, column.name);
    expect(DAYS.map((day) => now.get(day))).toEqual(column.values);
  }
  await instance?.stop("SIGTERM");
  instance = undefined;
  expect(await countRows(dataDir)).toEqual({ finished: 1, tokens: 0 });
});

test("Cancel import: it stops, nothing more is written, the page says so, the token is deleted", async ({
  page,
}) => {
  const { toWrite, firstWindowEnd } = await startImport(page);
  await expect(waiting(page, firstWindowEnd)).toBeVisible({
    timeout: firstWindowEnd - Date.now(),
  });
  await expect(bar(page)).toHaveAttribute("aria-valuenow", "70");
  await page.getByRole("button", { name: "Cancel import" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Cancel this import?" });
  await confirm.getByRole("button", { name: "Cancel import" }).click();
  const ended = page.getByRole("region", { name: "Import finished" });
  await expect(ended.getByRole("heading", { name: "Import cancelled" })).toBeVisible();
  await expect(ended).toContainText("70 written");
  await expect(ended).toContainText(`${toWrite - 70} values were not written`);
  await expect(page.getByRole("button", { name: "Pause" })).toHaveCount(0);
  await shoot(page, "cancelled");

  await nothingSentUntil(firstWindowEnd, 2);
  const written = new Map<string, number>();
  for (const column of COLUMNS) {
    const now = await sandboxValues(session.tokens.access_token, column.name);
    written.set(column.name, DAYS.filter((day, i) => now.get(day) === column.values[i]).length);
  }
  expect([...written.values()].reduce((sum, n) => sum + n, 0)).toBe(70);
  // Back on the page later: the import is over, no progress; the attributes page has no link.
  await page.goto(`${instance?.url}/attributes`);
  await expect(page.getByRole("switch", { name: "Water", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: /^Import of controls\.csv/ })).toHaveCount(0);

  // The database, once the app is stopped: the import cancelled, its sealed token gone.
  await instance?.stop("SIGTERM");
  instance = undefined;
  expect(await countRows(dataDir)).toEqual({ cancelled: 1, tokens: 0 });
});
