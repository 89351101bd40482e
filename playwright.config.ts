import { existsSync } from "node:fs";
import { chromium, defineConfig, devices } from "@playwright/test";
import { chromiumPath } from "./e2e/chromium";
import { APP_LOG, APP_URL, DATA_DIR, SANDBOX_URL, appEnv } from "./e2e/env";

const executablePath = chromiumPath();
if (!executablePath && !existsSync(chromium.executablePath())) {
  throw new Error(
    "No Chromium for the browser tests. Install Debian's (apt-get install -y chromium), set " +
      "CHROMIUM_PATH to a Chromium or Chrome binary, or run `npx playwright install chromium`.",
  );
}

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  // One sandbox holds all state: tests run one at a time, each from a reset sandbox (the
  // `sandbox` fixture in e2e/fixtures.ts).
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [["list"]],
  use: {
    baseURL: APP_URL,
    trace: "retain-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: executablePath ? { executablePath } : {},
  },
  webServer: [
    {
      command: "npx tsx sandbox/main.ts",
      url: `${SANDBOX_URL}/__sandbox/state?account=demo`,
      env: appEnv,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // The app's output is also kept in APP_LOG: the log tests read it (no tokens in it).
      // Each run starts with an empty embedded database.
      command: `rm -rf ${DATA_DIR} && mkdir -p e2e/artifacts && (npx next build && npx next start --port ${appEnv.PORT}) 2>&1 | tee ${APP_LOG}`,
      url: `${APP_URL}/`,
      env: appEnv,
      reuseExistingServer: false,
      // A build on a busy 2-core machine can take over five minutes.
      timeout: 600_000,
    },
  ],
});
