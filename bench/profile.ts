/**
 * `npx tsx bench/profile.ts`: where a request's CPU time goes. Builds the app (skip with
 * `--no-build`), starts the sandbox and the production server under `node --cpu-prof`, sends a
 * fixed number of requests to the empty route (unknown /api/ path), `GET /api/attributes` (demo,
 * no-cache) and acquire 35 one after another, and prints per request: the server's CPU time (all
 * threads, from /proc) and the profile's samples by category. Counts per request are far less
 * sensitive to other processes on the machine than requests per second.
 *
 * Uses the benchmark's ports and build folder (E2E_APP_PORT, E2E_SANDBOX_PORT, NEXT_DIST_DIR);
 * PROFILE_REQUESTS sets the requests per workload (default 3000). Profiles are kept in
 * bench/tmp/profiles-<port>/; `--report` prints the table again from the last run's profile.
 */
import { execSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import autocannon from "autocannon";
import { APP_PORT, APP_URL, SANDBOX_URL, appEnv } from "../e2e/env";
import { sandbox } from "../e2e/sandbox";
import { sealSession } from "../e2e/session";
import { CATEGORY_NAMES, categorize, readProfile } from "./cpu-profile";
import { startProcess, stopAllAndWait, waitFor, waitForClosed } from "./processes";
import type { LoadTarget } from "./proxy";

const root = new URL("..", import.meta.url).pathname.replace(/\/$/, "");
// Per port, so that two builds (before and after a change) can be profiled side by side.
const profileDir = `${root}/bench/tmp/profiles-${APP_PORT}`;
const ROUNDS = 4;
const requests = Math.ceil(Number(process.env.PROFILE_REQUESTS ?? 3000) / ROUNDS) * ROUNDS;
const connections = 10;

/** CPU seconds (user + system, all threads) the process has used so far; Linux only. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  // utime and stime are fields 14 and 15 of /proc/<pid>/stat, in clock ticks (100 a second).
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

type Window = { name: string; from: number; to: number; cpu: number };

const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);

async function send(target: LoadTarget, amount: number, status = 200): Promise<number> {
  const result = await autocannon({
    url: target.url,
    method: target.method ?? "GET",
    headers: target.headers,
    body: target.body,
    connections,
    amount,
  });
  const codes = result.statusCodeStats as Record<string, { count: number } | undefined>;
  const ok = codes[String(status)]?.count ?? 0;
  if (ok !== amount) throw new Error(`${target.url}: ${ok} of ${amount} answered ${status}`);
  return ok;
}

async function main() {
  if (!process.argv.includes("--no-build")) {
    console.log("profile: building the app");
    execSync("npx next build", { cwd: root, stdio: "ignore", env: { ...process.env, ...appEnv } });
  }
  rmSync(profileDir, { recursive: true, force: true });
  mkdirSync(profileDir, { recursive: true });
  const env = { ...appEnv, SANDBOX_RATE_LIMIT: "100000000" };
  startProcess("sandbox", "npx tsx sandbox/main.ts", env);
  // `exec`: the shell becomes the server, so its pid is the one to read and to stop.
  const app = startProcess(
    "app",
    `exec node --cpu-prof --cpu-prof-dir=${profileDir} --cpu-prof-interval=250 node_modules/next/dist/bin/next start --port ${appEnv.PORT}`,
    env,
  );
  await waitFor(`${SANDBOX_URL}/__sandbox/state?account=demo`);
  await waitFor(`${APP_URL}/`);
  await sandbox.reset();
  const demo = await sealSession("demo");
  const names = (await sandbox.state("demo")).slice(0, 35).map(({ name }) => ({ name }));

  const workloads: Array<{ name: string; target: LoadTarget; status?: number }> = [
    {
      name: "empty route (404)",
      target: { url: `${APP_URL}/api/no-such-route`, headers: {} },
      status: 404,
    },
    {
      name: "GET /api/attributes",
      target: {
        url: `${APP_URL}/api/attributes`,
        headers: { Cookie: demo.cookie, "Cache-Control": "no-cache" },
      },
    },
    {
      name: "acquire 35",
      target: {
        url: `${APP_URL}/api/attributes/acquire`,
        method: "POST",
        headers: { Cookie: demo.cookie, "Content-Type": "application/json", Origin: APP_URL },
        body: JSON.stringify(names),
      },
    },
  ];
  const pid = app.child.pid ?? 0;
  for (const workload of workloads) await send(workload.target, 500, workload.status); // warm-up
  // In rounds, so that a change in the machine's load affects every workload alike.
  const windows: Window[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const workload of workloads) {
      console.log(`profile: round ${round + 1}, ${workload.name}, ${requests / ROUNDS} requests`);
      const [from, cpuBefore] = [monotonicMicros(), cpuSeconds(pid)];
      await send(workload.target, requests / ROUNDS, workload.status);
      const cpu = cpuSeconds(pid) - cpuBefore;
      windows.push({ name: workload.name, from, to: monotonicMicros(), cpu });
    }
  }
  // The profile is written when the server exits.
  const exited = new Promise((resolve) => app.child.once("exit", resolve));
  process.kill(pid, "SIGTERM");
  await exited;
  writeFileSync(`${profileDir}/windows.json`, JSON.stringify({ requests, windows }));
  report();
}

/** The table, from the profile and the workloads' time windows in profileDir. */
function report() {
  const file = readdirSync(profileDir).find((name) => name.endsWith(".cpuprofile"));
  if (!file) throw new Error(`no profile in ${profileDir}`);
  const profile = readProfile(`${profileDir}/${file}`);
  const { requests: count, windows } = JSON.parse(
    readFileSync(`${profileDir}/windows.json`, "utf8"),
  ) as { requests: number; windows: Window[] };
  const names = [...new Set(windows.map(({ name }) => name))];
  const perRequest = names.map((name) => {
    const own = windows.filter((window) => window.name === name);
    const categories = new Map<string, number>();
    for (const window of own) {
      for (const [category, micros] of categorize(profile, window.from, window.to)) {
        categories.set(category, (categories.get(category) ?? 0) + micros);
      }
    }
    return { name, categories, cpu: own.reduce((sum, window) => sum + window.cpu, 0) };
  });
  // The server's CPU time per request (all threads), shared out by the main thread's samples.
  const micros = (value: number) => (value / count).toFixed(0);
  const header = ["CPU µs per request", ...perRequest.map(({ name }) => name)];
  const rows = [
    ["server process, all threads (/proc)", ...perRequest.map(({ cpu }) => micros(cpu * 1e6))],
    ...CATEGORY_NAMES.map((category) => [
      `  ${category}`,
      ...perRequest.map(({ categories, cpu }) => {
        const samples = [...categories.values()].reduce((sum, value) => sum + value, 0);
        return micros((cpu * 1e6 * (categories.get(category) ?? 0)) / samples);
      }),
    ]),
    [
      "main thread's samples",
      ...perRequest.map(({ categories }) =>
        String([...categories.values()].reduce((sum, value) => sum + value, 0)),
      ),
    ],
  ];
  console.log(`\n| ${header.join(" | ")} |\n|${header.map(() => " --- |").join("")}`);
  for (const row of rows) console.log(`| ${row.join(" | ")} |`);
  console.log(`\nprofile: ${profileDir}/${file}`);
}

const run = process.argv.includes("--report") ? async () => report() : main;
run()
  .catch((error: unknown) => {
    console.error("profile failed:", error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(async () => {
    await stopAllAndWait();
    await Promise.all([waitForClosed(APP_URL), waitForClosed(SANDBOX_URL)]);
  });
