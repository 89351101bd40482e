/**
 * Which Chromium the browser tests and the benchmark launch: the one CHROMIUM_PATH names, else
 * Debian's (`apt-get install chromium`). Undefined means Playwright's own browser, where
 * `npx playwright install` was run.
 */
import { existsSync } from "node:fs";

export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((path): path is string => Boolean(path && existsSync(path)));
}
