import { tmpdir } from "node:os";
import path from "node:path";

/**
 * The fixed environment the browser and HTTP tests run the app and the sandbox with.
 * Ports differ from the defaults so a running `npm start` does not get in the way.
 */
export const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100);
export const SANDBOX_PORT = Number(process.env.E2E_SANDBOX_PORT ?? 4110);
export const APP_URL = `http://localhost:${APP_PORT}`;
export const SANDBOX_URL = `http://127.0.0.1:${SANDBOX_PORT}`;
/** Where the app's output (stdout and stderr) goes during a test run, for the log tests. */
export const APP_LOG = `e2e/artifacts/app-${APP_PORT}.log`;
/** Known to the tests so they can seal session cookies without a browser. Test-only. */
export const TEST_AUTH_SECRET = "e2e-only-session-secret-0123456789abcdef0123456789abcdef";
/** Seals the Exist tokens kept for imports (32 bytes, base64). Test-only. */
export const TEST_TOKEN_ENCRYPTION_KEY = Buffer.from("e2e-only-token-key-0123456789abc").toString(
  "base64",
);
/** The app's embedded database for a test run: emptied before the app starts (playwright.config.ts). */
export const DATA_DIR = path.join(tmpdir(), `exist-ownership-e2e-${APP_PORT}`);
/**
 * A PostgreSQL server for the tests that need one (several instances sharing it). `.ci/run`
 * sets it; outside CI those tests skip when it is unset.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

export const appEnv: Record<string, string> = {
  PORT: String(APP_PORT),
  SANDBOX_PORT: String(SANDBOX_PORT),
  APP_URL,
  NEXTAUTH_URL: APP_URL,
  AUTH_SECRET: TEST_AUTH_SECRET,
  TOKEN_ENCRYPTION_KEY: TEST_TOKEN_ENCRYPTION_KEY,
  EXIST_BASE_URL: SANDBOX_URL,
  // Short, so the timeout test (504) does not wait the default 10 s.
  EXIST_TIMEOUT_MS: "3000",
  NEXT_TELEMETRY_DISABLED: "1",
  DATA_DIR,
  ...(process.env.NEXT_DIST_DIR ? { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR } : {}),
};
