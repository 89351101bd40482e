/**
 * `npm run bench`: starts the sandbox and the production app, measures what our code adds in CPU
 * time per request, proxy overhead, calls to Exist, page weight and the heavy list in the
 * browser, prints a table with each budget, writes bench/results.json, and stops everything it
 * started.
 */
import { cpus, loadavg } from "node:os";
import { writeFile } from "node:fs/promises";
import { chromiumPath } from "../e2e/chromium";
import { APP_URL, SANDBOX_URL, appEnv } from "../e2e/env";
import { sealSession } from "../e2e/session";
import { sandbox } from "../e2e/sandbox";
import { heavyListTimings } from "./browser";
import { cpuPerRequest, measureCpu, requestsPerWorkload, type CpuRun } from "./cpu-time";
import { hourOfUse } from "./hour-of-use";
import { pageScripts } from "./page-scripts";
import { historyFirstPage, prepareHistory } from "./history";
import { clearCalls, existCalls, loadCalls } from "./calls";
import { prefetchLogLines } from "./prefetch-log";
import { logSaveLatency } from "./log-save";
import { importCallFigures } from "./import-calls";
import { importParseFigures } from "./import-parse";
import { memoryFigures } from "./memory";
import { load, type LoadTarget, type ProxyRun } from "./proxy";
import { budgetRows, printTable, reportedRows } from "./report";
import {
  WORKLOAD_NAMES,
  appWorkloads,
  assertPortsFree,
  build,
  namedWorkloads,
  root,
  runMain,
  startServers,
} from "./servers";
import { firstLoadWeights, lighthouseScores } from "./weight";

const distDir = process.env.NEXT_DIST_DIR ?? ".next";
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const cpuRun: CpuRun = {
  requests: Number(process.env.BENCH_CPU_REQUESTS ?? 2000),
  rounds: 4,
  connections: 10,
  warmUp: 200,
};
const chromePath = chromiumPath();

const started = Date.now();
// The machine may be shared: its load average at the start and end goes with the figures.
const loadAtStart = loadavg();
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

/** A session cookie as the browser steps set it. */
async function browserCookie(account: string): Promise<{ name: string; value: string }> {
  const [name = "", ...value] = (await sealSession(account)).cookie.split("=");
  return { name, value: value.join("=") };
}

async function main() {
  step(`building the app (next build into ${distDir})`);
  build();
  await assertPortsFree();
  step("import: parsing a 100,000-row file as the import worker does");
  const importParse = importParseFigures();
  step("memory after one sign-in: the production process, then the npm start chain");
  const memory = await memoryFigures();
  step("history: seeding 10,000 entries, timing the recording statements");
  const historySeed = prepareHistory(root, appEnv.DATA_DIR ?? ".data-bench", "demo");
  const { app: appProcess, pid } = await startServers();

  const demo = await sealSession("demo");
  const heavy = await sealSession("heavy");
  const names = (await sandbox.state("demo")).slice(0, 35).map(({ name }) => name);
  const targets = appWorkloads(demo.cookie, names);

  step("proxy overhead (autocannon)");
  const listQuery = "limit=100&include_inactive=true&include_low_priority=true";
  const workloads: Array<{ name: string; direct: LoadTarget; app: LoadTarget }> = [
    {
      name: WORKLOAD_NAMES.list,
      direct: {
        url: `${SANDBOX_URL}/api/2/attributes/?${listQuery}`,
        headers: { Authorization: `Bearer ${demo.tokens.access_token}` },
      },
      app: targets.list,
    },
    {
      name: WORKLOAD_NAMES.acquire35,
      direct: {
        url: `${SANDBOX_URL}/api/2/attributes/acquire/`,
        method: "POST",
        headers: {
          Authorization: `Bearer ${demo.tokens.access_token}`,
          "Content-Type": "application/json",
        },
        body: targets.acquire35.body,
      },
      app: targets.acquire35,
    },
  ];
  // The empty route is measured beside each app run, so the app/floor ratio compares figures
  // taken a few seconds apart.
  const proxy: ProxyRun[] = [];
  for (const workload of workloads) {
    for (const connections of [1, 10]) {
      await load(workload.app, { connections, seconds: 1 }); // warm-up: compile caches, keep-alive
      await load(targets.empty, { connections, seconds: 1 });
      const direct = await load(workload.direct, { connections, seconds });
      const floor = await load(targets.empty, { connections, seconds });
      const app = await load(workload.app, { connections, seconds });
      proxy.push({ workload: workload.name, connections, direct, floor, app });
    }
  }

  step("Log save: POST /api/values/update against the direct update/ (c=1)");
  const logSave = await logSaveLatency(seconds);

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
  const browser = await heavyListTimings(APP_URL, chromePath, await browserCookie("heavy"));

  step("an hour of use (demo, heavy) and every script of a fresh load");
  const hour = [await hourOfUse("demo"), await hourOfUse("heavy")];
  const scripts = await pageScripts(APP_URL, chromePath, await browserCookie("demo"));

  // Last, so that its thousands of acquires (and their history rows) come after every other
  // figure, as before this step existed.
  step(`CPU time per request: ${requestsPerWorkload(cpuRun)} requests a workload, c=10`);
  await sandbox.reset();
  const cpuWindows = await measureCpu(pid, namedWorkloads(targets), cpuRun, (text) =>
    step(`CPU time: ${text}`),
  );
  const cpu = {
    ...cpuRun,
    requests: requestsPerWorkload(cpuRun),
    microsPerRequest: cpuPerRequest(cpuWindows, cpuRun),
  };

  step("import: 3 years of 10 attributes, previewed and written in 20 s windows");
  const importCalls = await importCallFigures();

  const results = {
    date: new Date().toISOString(),
    machine: {
      cores: cpus().length,
      cpu: cpus()[0]?.model ?? "unknown",
      node: process.version,
      loadAverage: { start: loadAtStart, end: loadavg() },
    },
    secondsPerRun: seconds,
    cpu,
    proxy,
    logSave,
    prefetchLog,
    calls,
    bulkAcquire,
    weights,
    lighthouse,
    browser,
    hour,
    scripts,
    history,
    importParse,
    importCalls,
    memory,
  };
  const rows = budgetRows(results);
  const reported = reportedRows(results);
  printTable(results, rows, reported);
  await writeFile(
    `${root}/bench/results.json`,
    `${JSON.stringify({ ...results, budgets: rows, reported }, null, 2)}\n`,
  );
  step("wrote bench/results.json");
}

runMain("bench", main);
