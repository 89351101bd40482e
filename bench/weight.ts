/**
 * Page weight: gzip first-load JS per route, from the build's own diagnostics
 * (Next 16 prints no "First Load JS" table; `.next/diagnostics/route-bundle-stats.json` lists
 * each route's first-load chunks), and Lighthouse scores in headless Chromium.
 */
import { readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { z } from "zod";

const routeStatsSchema = z.array(
  z.object({ route: z.string(), firstLoadChunkPaths: z.array(z.string()) }),
);

export type RouteWeight = { route: string; gzipBytes: number; chunks: number };

export async function firstLoadWeights(root: string, distDir: string): Promise<RouteWeight[]> {
  const raw = await readFile(`${root}/${distDir}/diagnostics/route-bundle-stats.json`, "utf8");
  const routes = routeStatsSchema.parse(JSON.parse(raw));
  return Promise.all(
    routes.map(async ({ route, firstLoadChunkPaths }) => {
      const sizes = await Promise.all(
        firstLoadChunkPaths.map(async (path) => gzipSync(await readFile(`${root}/${path}`)).length),
      );
      return {
        route,
        gzipBytes: sizes.reduce((sum, size) => sum + size, 0),
        chunks: sizes.length,
      };
    }),
  );
}

export type LighthouseScores = {
  performance: number;
  accessibility: number;
  bestPractices: number;
  /** Lighthouse's own error when a run could not score (it is retried once). */
  runtimeError?: string;
};

/**
 * Runs Lighthouse (navigation, desktop form factor) against `url`, with `cookie` if given. A run
 * that Lighthouse itself could not score (a runtime error, e.g. no paint seen) is tried once more.
 */
export async function lighthouseScores(
  url: string,
  chromePath: string,
  cookie?: string,
): Promise<LighthouseScores> {
  const first = await lighthouseRun(url, chromePath, cookie);
  return first.runtimeError ? lighthouseRun(url, chromePath, cookie) : first;
}

async function lighthouseRun(
  url: string,
  chromePath: string,
  cookie?: string,
): Promise<LighthouseScores> {
  const { launch } = await import("chrome-launcher");
  const { default: lighthouse } = await import("lighthouse");
  const chrome = await launch({
    chromePath,
    chromeFlags: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  try {
    const result = await lighthouse(
      url,
      {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility", "best-practices"],
        extraHeaders: cookie ? { Cookie: cookie } : undefined,
      },
      {
        extends: "lighthouse:default",
        settings: {
          formFactor: "desktop",
          screenEmulation: { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1 },
          throttlingMethod: "provided",
        },
      },
    );
    const categories = result?.lhr.categories;
    const score = (key: string) => Math.round((categories?.[key]?.score ?? 0) * 100);
    const error = result?.lhr.runtimeError;
    return {
      performance: score("performance"),
      accessibility: score("accessibility"),
      bestPractices: score("best-practices"),
      ...(error ? { runtimeError: `${error.code}: ${error.message}` } : {}),
    };
  } finally {
    chrome.kill();
  }
}
