/**
 * `npx tsx bench/profile.ts`: where a request's CPU time goes. Builds the app (skip with
 * `--no-build`), starts the sandbox and the production server under `node --cpu-prof`, sends a
 * fixed number of requests to the empty route (unknown /api/ path), `GET /api/attributes` (demo,
 * no-cache) and acquire 35 in four interleaved rounds (bench/cpu-time.ts, as `npm run bench`
 * does for its CPU budgets), and prints per request: the server's CPU time (all threads, from
 * /proc), what each workload adds over the empty route, and the profile's samples by category.
 *
 * Uses the benchmark's ports and build folder (E2E_APP_PORT, E2E_SANDBOX_PORT, NEXT_DIST_DIR);
 * PROFILE_REQUESTS sets the requests per workload (default 3000). Profiles are kept in
 * bench/tmp/profiles-<port>/; `--report` prints the table again from the last run's profile.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { APP_PORT } from "../e2e/env";
import { sandbox } from "../e2e/sandbox";
import { sealSession } from "../e2e/session";
import { CATEGORY_NAMES, categorize, readProfile } from "./cpu-profile";
import { measureCpu, requestsPerWorkload, type CpuRun, type CpuWindow } from "./cpu-time";
import { appWorkloads, build, namedWorkloads, root, runMain, startServers } from "./servers";

// Per port, so that two builds (before and after a change) can be profiled side by side.
const profileDir = `${root}/bench/tmp/profiles-${APP_PORT}`;
const cpuRun: CpuRun = {
  requests: Number(process.env.PROFILE_REQUESTS ?? 3000),
  rounds: 4,
  connections: 10,
  warmUp: 500,
};

async function main() {
  if (!process.argv.includes("--no-build")) {
    console.log("profile: building the app");
    build();
  }
  rmSync(profileDir, { recursive: true, force: true });
  mkdirSync(profileDir, { recursive: true });
  const { app, pid } = await startServers(
    `--cpu-prof --cpu-prof-dir=${profileDir} --cpu-prof-interval=250`,
  );
  const demo = await sealSession("demo");
  const names = (await sandbox.state("demo")).slice(0, 35).map(({ name }) => name);
  const windows = await measureCpu(
    pid,
    namedWorkloads(appWorkloads(demo.cookie, names)),
    cpuRun,
    (text) => console.log(`profile: ${text}`),
  );
  // The profile is written when the server exits.
  const exited = new Promise((resolve) => app.child.once("exit", resolve));
  process.kill(pid, "SIGTERM");
  await exited;
  writeFileSync(
    `${profileDir}/windows.json`,
    JSON.stringify({ requests: requestsPerWorkload(cpuRun), windows }),
  );
  report();
}

/** The table, from the profile and the workloads' time windows in profileDir. */
function report() {
  const file = readdirSync(profileDir).find((name) => name.endsWith(".cpuprofile"));
  if (!file) throw new Error(`no profile in ${profileDir}`);
  const profile = readProfile(`${profileDir}/${file}`);
  const { requests: count, windows } = JSON.parse(
    readFileSync(`${profileDir}/windows.json`, "utf8"),
  ) as { requests: number; windows: CpuWindow[] };
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
  const empty = perRequest[0]?.cpu ?? 0;
  const rows = [
    ["server process, all threads (/proc)", ...perRequest.map(({ cpu }) => micros(cpu * 1e6))],
    [
      "  over the empty route",
      "",
      ...perRequest.slice(1).map(({ cpu }) => micros((cpu - empty) * 1e6)),
    ],
    [
      "  over the empty route, × its CPU",
      "",
      ...perRequest.slice(1).map(({ cpu }) => ((cpu - empty) / empty).toFixed(2)),
    ],
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

runMain("profile", process.argv.includes("--report") ? async () => report() : main);
