/**
 * `npm run bench`: starts the sandbox and the production app, measures proxy overhead, calls to
 * Exist, page weight and the heavy list in the browser, prints a table with each budget, writes
 * bench/results.json, and stops everything it started.
 */
import { cpus } from "node:os";
import { writeFile } from "node:fs/promises";
import { execSync } from "node:child_process";
import { chromiumPath } from "../e2e/chromium";
import { APP_URL, SANDBOX_URL, appEnv } from "../e2e/env";
import { sealSession } from "../e2e/session";
import { sandbox } from "../e2e/sandbox";
import { heavyListTimings } from "./browser";
import { hourOfUse } from "./hour-of-use";
import { pageScripts } from "./page-scripts";
import { historyFirstPage, prepareHistory } from "./history";
import { clearCalls, existCalls, loadCalls } from "./calls";
import { prefetchLogLines } from "./prefetch-log";
import { load, type LoadTarget, type ProxyRun } from "./proxy";
import { startProcess, stopAllAndWait, waitFor, waitForClosed } from "./processes";
import { budgetRows, printTable } from "./report";
import { firstLoadWeights, lighthouseScores } from "./weight";

const root = new URL("..", import.meta.url).pathname.replace(/\/$/, "");
// Its own build folder and ports (package.json sets them), so a running app or test is not disturbed.
const distDir = process.env.NEXT_DIST_DIR ?? ".next";
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const chromePath = chromiumPath();

const started = Date.now();
const step = (text: string) =>
  console.log(`bench: ${text} (${((Date.now() - started) / 1000).toFixed(0)} s)`);

/** Waits until the sandbox's request log stops growing: requests of the load runs may still be in flight. */
async function quiet(sandboxUrl: string): Promise<void> {
  let last = -1;
  for (let tries = 0; tries < 30; tries += 1) {
    const count = (await existCalls(sandboxUrl)).length;
    if (count === last) return;
    last = count;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function main() {
  // Always a fresh production build: the figures must describe the code as it is.
  step(`building the app (next build into ${distDir})`);
  execSync("npx next build", {
    cwd: root,
    stdio: "ignore",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  for (const url of [APP_URL, SANDBOX_URL]) {
    const taken = await fetch(url).then(
      () => true,
      () => false,
    );
    if (taken) throw new Error(`something already listens at ${url}: stop it first`);
  }
  // A high rate limit: the load runs send thousands of requests with one token.
  const env = { ...appEnv, SANDBOX_RATE_LIMIT: "100000000" };
  step("history: seeding 10,000 entries, timing the recording statements");
  const historySeed = prepareHistory(root, appEnv.DATA_DIR ?? ".data-bench", "demo");
  startProcess("sandbox", "npx tsx sandbox/main.ts", env);
  const appProcess = startProcess("app", `npx next start --port ${appEnv.PORT}`, env);
  await waitFor(`${SANDBOX_URL}/__sandbox/state?account=demo`);
  await waitFor(`${APP_URL}/`);
  await sandbox.reset();

  const demo = await sealSession("demo");
  const heavy = await sealSession("heavy");
  const names = (await sandbox.state("demo")).slice(0, 35).map(({ name }) => name);

  step("proxy overhead (autocannon)");
  const listQuery = "limit=100&include_inactive=true&include_low_priority=true";
  const workloads: Array<{ name: string; direct: LoadTarget; app: LoadTarget }> = [
    {
      name: "GET attributes (demo)",
      direct: {
        url: `${SANDBOX_URL}/api/2/attributes/?${listQuery}`,
        headers: { Authorization: `Bearer ${demo.tokens.access_token}` },
      },
      // no-cache: the app must call Exist every time, or this would measure the cache.
      app: {
        url: `${APP_URL}/api/attributes`,
        headers: { Cookie: demo.cookie, "Cache-Control": "no-cache" },
      },
    },
    {
      name: "acquire 35 (demo)",
      direct: {
        url: `${SANDBOX_URL}/api/2/attributes/acquire/`,
        method: "POST",
        headers: {
          Authorization: `Bearer ${demo.tokens.access_token}`,
          "Content-Type": "application/json",
        },
        body: JSON.stringify(names.map((name) => ({ name }))),
      },
      app: {
        url: `${APP_URL}/api/attributes/acquire`,
        method: "POST",
        headers: { Cookie: demo.cookie, "Content-Type": "application/json", Origin: APP_URL },
        body: JSON.stringify(names.map((name) => ({ name }))),
      },
    },
  ];
  // What any route handler of this Next.js build costs here: an unknown /api/ path answers the
  // 404 envelope without a session or a call to Exist. Measured beside each app run, so the
  // app/floor ratio compares figures taken a few seconds apart.
  const floorTarget = { url: `${APP_URL}/api/no-such-route`, headers: {} };
  const proxy: ProxyRun[] = [];
  for (const workload of workloads) {
    for (const connections of [1, 10]) {
      await load(workload.app, connections, 1); // warm-up: compile caches, keep-alive
      await load(floorTarget, connections, 1, 404);
      const direct = await load(workload.direct, connections, seconds);
      const floor = await load(floorTarget, connections, seconds, 404);
      const app = await load(workload.app, connections, seconds);
      proxy.push({ workload: workload.name, connections, direct, floor, app });
    }
  }

  step("the attributes page's prefetch log line");
  const prefetchLog = await prefetchLogLines(
    appProcess.child,
    APP_URL,
    (await sealSession("demo")).cookie,
  );

  step("calls to Exist");
  await quiet(SANDBOX_URL);
  await sandbox.reset();
  const calls = [
    await loadCalls(APP_URL, SANDBOX_URL, "demo", (await sealSession("demo")).cookie),
    await loadCalls(APP_URL, SANDBOX_URL, "heavy", heavy.cookie),
  ];
  const heavyNames = (await sandbox.state("heavy")).slice(0, 100).map(({ name }) => ({ name }));
  await clearCalls(SANDBOX_URL);
  const bulk = await fetch(`${APP_URL}/api/attributes/acquire`, {
    method: "POST",
    headers: { Cookie: heavy.cookie, "Content-Type": "application/json", Origin: APP_URL },
    body: JSON.stringify(heavyNames),
  });
  const bulkCalls = (await existCalls(SANDBOX_URL)).filter((call) =>
    call.path.endsWith("/acquire/"),
  );
  const bulkAcquire = { items: heavyNames.length, status: bulk.status, calls: bulkCalls.length };

  step("page weight and Lighthouse");
  const weights = await firstLoadWeights(root, distDir);
  await sandbox.reset();
  const lighthouse = chromePath
    ? {
        landing: await lighthouseScores(`${APP_URL}/`, chromePath),
        attributes: await lighthouseScores(
          `${APP_URL}/attributes`,
          chromePath,
          (await sealSession("demo")).cookie,
        ),
      }
    : null;

  const history = {
    ...historySeed,
    firstPageMs: await historyFirstPage(APP_URL, (await sealSession("demo")).cookie),
  };

  step("heavy list in the browser");
  const heavyCookie = (await sealSession("heavy")).cookie.split("=");
  const browser = await heavyListTimings(APP_URL, chromePath, {
    name: heavyCookie[0] ?? "",
    value: heavyCookie.slice(1).join("="),
  });

  step("an hour of use (demo, heavy) and every script of a fresh load");
  const hour = [await hourOfUse("demo"), await hourOfUse("heavy")];
  const demoCookie = (await sealSession("demo")).cookie.split("=");
  const scripts = await pageScripts(APP_URL, chromePath, {
    name: demoCookie[0] ?? "",
    value: demoCookie.slice(1).join("="),
  });

  const results = {
    date: new Date().toISOString(),
    machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? "unknown", node: process.version },
    secondsPerRun: seconds,
    proxy,
    prefetchLog,
    calls,
    bulkAcquire,
    weights,
    lighthouse,
    browser,
    hour,
    scripts,
    history,
  };
  const rows = budgetRows(results);
  printTable(results, rows);
  await writeFile(
    `${root}/bench/results.json`,
    `${JSON.stringify({ ...results, budgets: rows }, null, 2)}\n`,
  );
  step("wrote bench/results.json");
}

main()
  .catch((error: unknown) => {
    console.error("bench failed:", error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(async () => {
    await stopAllAndWait();
    await Promise.all([waitForClosed(APP_URL), waitForClosed(SANDBOX_URL)]);
  });
