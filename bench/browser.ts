/**
 * Scale in the browser: with the `heavy` account (~600 attributes), the time from navigation to
 * the list being visible (painted, hydrated, every row rendered), and the time one filter
 * keystroke takes to update the list: medians of three first visits, read from performance marks
 * and measures the attributes page records itself.
 */
import { type Browser, chromium } from "@playwright/test";

export type BrowserFigures = {
  /** Switches on the page (one per attribute). */
  switches: number;
  /** First contentful paint of the server-rendered page. */
  firstPaintMs: number;
  /** The list's first paint (Element Timing on the group headings), before hydration. */
  listPaintMs: number;
  /** The hydrated list's first commit. */
  listVisibleMs: number;
  /** Every row in the DOM (a long list renders its first rows first). */
  listCompleteMs: number;
  /** Median over five keystrokes, from the filter's state change to the new list's commit. */
  filterKeystrokeMs: number;
};

/** Loads measured: page loads on 2 cores vary by a few hundred ms, so each figure is a median. */
const LOADS = 3;

/** Median of each figure over three first visits (each in a new context: nothing cached). */
export async function heavyListTimings(
  appUrl: string,
  chromePath: string | undefined,
  cookie: { name: string; value: string },
): Promise<BrowserFigures & { loads: BrowserFigures[] }> {
  const browser = await chromium.launch(chromePath ? { executablePath: chromePath } : {});
  try {
    const loads: BrowserFigures[] = [];
    for (let load = 0; load < LOADS; load += 1) {
      loads.push(await measureOnce(browser, appUrl, cookie));
    }
    const median = (pick: (figures: BrowserFigures) => number) =>
      loads.map(pick).sort((a, b) => a - b)[Math.floor(LOADS / 2)] ?? NaN;
    return {
      switches: median((f) => f.switches),
      firstPaintMs: median((f) => f.firstPaintMs),
      listPaintMs: median((f) => f.listPaintMs),
      listVisibleMs: median((f) => f.listVisibleMs),
      listCompleteMs: median((f) => f.listCompleteMs),
      filterKeystrokeMs: median((f) => f.filterKeystrokeMs),
      loads,
    };
  } finally {
    await browser.close();
  }
}

async function measureOnce(
  browser: Browser,
  appUrl: string,
  cookie: { name: string; value: string },
): Promise<BrowserFigures> {
  const context = await browser.newContext();
  try {
    await context.addCookies([{ ...cookie, url: appUrl }]);
    const page = await context.newPage();
    await page.goto(`${appUrl}/attributes`);
    // The server's HTML shows the list before hydration; the page marks the first commit of the
    // hydrated list, so this is an upper bound of when the list was visible (and usable).
    await page
      .waitForFunction(() => performance.getEntriesByName("attributes:list-visible").length > 0)
      .catch(async (error: unknown) => {
        await page.screenshot({ path: "bench/tmp/heavy-list-failure.png" });
        throw error;
      });
    const listVisibleMs = await page.evaluate(
      () => performance.getEntriesByName("attributes:list-visible")[0]?.startTime ?? NaN,
    );
    const firstPaintMs = await page.evaluate(
      () => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN,
    );
    await page.waitForFunction(
      () => performance.getEntriesByName("attributes:list-complete").length > 0,
    );
    const listCompleteMs = await page.evaluate(
      () => performance.getEntriesByName("attributes:list-complete")[0]?.startTime ?? NaN,
    );
    const switches = await page.getByRole("switch").count();
    // Element Timing entries of the group headings (elementtiming="attributes-list"): when the
    // server-rendered list first painted, before hydration.
    const listPaintMs = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          new PerformanceObserver((list) => {
            const times = list
              .getEntries()
              .filter(
                (entry) =>
                  (entry as PerformanceEntry & { identifier?: string }).identifier ===
                  "attributes-list",
              )
              .map(
                (entry) =>
                  (entry as PerformanceEntry & { renderTime?: number }).renderTime ||
                  entry.startTime,
              );
            resolve(times.length > 0 ? Math.min(...times) : NaN);
          }).observe({ type: "element", buffered: true });
          setTimeout(() => resolve(NaN), 2_000);
        }),
    );

    const filter = page.getByRole("searchbox", { name: "Filter attributes" });
    const samples: number[] = [];
    for (const text of ["s", "st", "ste", "step", "steps"]) {
      await filter.fill(text.slice(0, -1));
      await page.evaluate(() => performance.clearMeasures("attributes:filter"));
      await filter.press(text.at(-1) ?? "s");
      await page.waitForFunction(
        () => performance.getEntriesByName("attributes:filter").length > 0,
        undefined,
        { timeout: 5_000 },
      );
      samples.push(
        await page.evaluate(
          () => performance.getEntriesByName("attributes:filter")[0]?.duration ?? NaN,
        ),
      );
    }
    samples.sort((a, b) => a - b);
    return {
      switches,
      firstPaintMs,
      listPaintMs,
      listVisibleMs,
      listCompleteMs,
      filterKeystrokeMs: samples[Math.floor(samples.length / 2)] ?? NaN,
    };
  } finally {
    await context.close();
  }
}
