/**
 * Every script the browser fetches on a fresh, signed-in load of /attributes until the network is
 * idle (lazy chunks included: the dialogs preload once the list is up), gzip-compressed as the
 * build's files would be served. Counted from the browser's own responses, so nothing the page
 * loads later by itself is missed, unlike the route's first-load chunk list.
 */
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";

export type PageScripts = { scripts: number; gzipBytes: number; largest: Array<[string, number]> };

export async function pageScripts(
  appUrl: string,
  chromePath: string | undefined,
  cookie: { name: string; value: string },
): Promise<PageScripts> {
  const browser = await chromium.launch(chromePath ? { executablePath: chromePath } : {});
  try {
    const context = await browser.newContext();
    await context.addCookies([{ ...cookie, url: appUrl }]);
    const page = await context.newPage();
    const bodies: Array<Promise<[string, number]>> = [];
    page.on("response", (response) => {
      if (response.request().resourceType() !== "script") return;
      const name = new URL(response.url()).pathname.split("/").pop() ?? response.url();
      bodies.push(response.body().then((body) => [name, gzipSync(body).length]));
    });
    await page.goto(`${appUrl}/attributes`, { waitUntil: "networkidle" });
    // The dialogs' chunks are preloaded after hydration: wait for the network to be idle again.
    await page.waitForLoadState("networkidle");
    const sizes = await Promise.all(bodies);
    return {
      scripts: sizes.length,
      gzipBytes: sizes.reduce((sum, [, size]) => sum + size, 0),
      largest: sizes.sort((a, b) => b[1] - a[1]).slice(0, 6),
    };
  } finally {
    await browser.close();
  }
}

if (process.argv[1]?.endsWith("page-scripts.ts")) {
  const { APP_URL } = await import("../e2e/env");
  const { sealSession } = await import("../e2e/session");
  const { chromiumPath } = await import("../e2e/chromium");
  const [name = "", ...value] = (await sealSession(process.argv[2] ?? "demo")).cookie.split("=");
  const figures = await pageScripts(APP_URL, chromiumPath(), { name, value: value.join("=") });
  console.log(JSON.stringify(figures));
}
