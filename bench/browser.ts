/**
 * Scale in the browser: with the `heavy` account (~600 attributes), the time from navigation to
 * the list being visible, and the time one filter keystroke takes to update the list. Both are
 * read from performance marks and measures the attributes page records itself.
 */
import { chromium } from "@playwright/test";

export type BrowserFigures = { listVisibleMs: number; filterKeystrokeMs: number };

export async function heavyListTimings(
  appUrl: string,
  chromePath: string | undefined,
  cookie: { name: string; value: string },
): Promise<BrowserFigures> {
  const browser = await chromium.launch(chromePath ? { executablePath: chromePath } : {});
  try {
    const context = await browser.newContext();
    await context.addCookies([{ ...cookie, url: appUrl }]);
    const page = await context.newPage();
    await page.goto(`${appUrl}/attributes`);
    await page.getByRole("switch").first().waitFor();
    const listVisibleMs = await page.evaluate(() => {
      const mark = performance.getEntriesByName("attributes:list-visible")[0];
      return mark ? mark.startTime : Number.NaN;
    });

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
    return { listVisibleMs, filterKeystrokeMs: samples[Math.floor(samples.length / 2)] ?? NaN };
  } finally {
    await browser.close();
  }
}
