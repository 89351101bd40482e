/**
 * What `npm run bench` (bench/run.ts) and bench/profile.ts share: the production build, the
 * sandbox and the app on the bench's own ports (package.json sets E2E_APP_PORT, E2E_SANDBOX_PORT
 * and NEXT_DIST_DIR, so a running app or test is not disturbed), the app's requests both measure,
 * and a main that never leaves a server running.
 */
import { execSync } from "node:child_process";
import { rmSync } from "node:fs";
import { APP_URL, DATA_DIR, SANDBOX_URL, appEnv } from "../e2e/env";
import { sandbox } from "../e2e/sandbox";
import type { LoadTarget } from "./proxy";
import { startProcess, stopAllAndWait, waitFor, waitForClosed } from "./processes";

export const root = new URL("..", import.meta.url).pathname.replace(/\/$/, "");

/** A fresh production build: the figures must describe the code as it is. */
export function build(): void {
  execSync("npx next build", { cwd: root, stdio: "ignore", env: { ...process.env, ...appEnv } });
}

export async function assertPortsFree(): Promise<void> {
  for (const url of [APP_URL, SANDBOX_URL]) {
    const taken = await fetch(url).then(
      () => true,
      () => false,
    );
    if (taken) throw new Error(`something already listens at ${url}: stop it first`);
  }
}

/**
 * Starts the sandbox (with a rate limit the load runs cannot reach: they send thousands of
 * requests with one token) and the production server on a new embedded database, and resets the
 * sandbox. `exec`: the shell becomes the server, so `pid` is the process whose CPU time /proc
 * reports and that writes a CPU profile (`nodeFlags`) when it exits.
 */
export async function startServers(nodeFlags = "") {
  const env = { ...appEnv, SANDBOX_RATE_LIMIT: "100000000" };
  // A new embedded database each run: the figures describe the code, not what earlier runs left.
  rmSync(DATA_DIR, { recursive: true, force: true });
  startProcess("sandbox", "npx tsx sandbox/main.ts", env);
  const app = startProcess(
    "app",
    `exec node ${nodeFlags} node_modules/next/dist/bin/next start --port ${appEnv.PORT}`,
    env,
  );
  await waitFor(`${SANDBOX_URL}/__sandbox/state?account=demo`);
  await waitFor(`${APP_URL}/`);
  await sandbox.reset();
  const pid = app.child.pid;
  if (pid === undefined) throw new Error("the app's server did not start");
  return { app, pid };
}

export type AppWorkloads = {
  /** Next.js's floor: an unknown /api/ path answers the 404 envelope with no session or Exist. */
  empty: LoadTarget;
  /** `Cache-Control: no-cache`: the app calls Exist every time, or this would measure the cache. */
  list: LoadTarget;
  acquire35: LoadTarget;
};

export const WORKLOAD_NAMES: Record<keyof AppWorkloads, string> = {
  empty: "empty route (404)",
  list: "GET /api/attributes (demo)",
  acquire35: "acquire 35 (demo)",
};

/** The app's side of each workload, for a session `cookie` and 35 of its attributes. */
export function appWorkloads(cookie: string, names: readonly string[]): AppWorkloads {
  return {
    empty: { url: `${APP_URL}/api/no-such-route`, headers: {}, status: 404 },
    list: {
      url: `${APP_URL}/api/attributes`,
      headers: { Cookie: cookie, "Cache-Control": "no-cache" },
    },
    acquire35: {
      url: `${APP_URL}/api/attributes/acquire`,
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "application/json", Origin: APP_URL },
      body: JSON.stringify(names.map((name) => ({ name }))),
    },
  };
}

/** The three, named, in the order the CPU figures take them. */
export function namedWorkloads(targets: AppWorkloads): Array<{ name: string; target: LoadTarget }> {
  return (["empty", "list", "acquire35"] as const).map((key) => ({
    name: WORKLOAD_NAMES[key],
    target: targets[key],
  }));
}

/** Runs `main`, reports a failure as `<name> failed: …`, and always stops what it started. */
export function runMain(name: string, main: () => Promise<void>): void {
  main()
    .catch((error: unknown) => {
      console.error(`${name} failed:`, error instanceof Error ? error.message : error);
      process.exitCode = 1;
    })
    .finally(async () => {
      await stopAllAndWait();
      await Promise.all([waitForClosed(APP_URL), waitForClosed(SANDBOX_URL)]);
    });
}
