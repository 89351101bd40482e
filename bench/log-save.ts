/**
 * "Log save": what our route adds to a Save. At concurrency 1, the p50 of POST /api/values/update
 * (one value, `auckland`'s water today) against the same call straight to the sandbox's update/,
 * side by side in one run. Budget: at most +5 ms at p50. The route checks the value against the
 * person's cached attributes and today (the page has loaded both), records the write in the
 * history (the intent before the call; the outcome after the answer), and updates the cached
 * values.
 *
 * `npx tsx bench/log-save.ts` (with the bench's variables, as `npm run bench` sets them; add
 * `--no-build` to reuse the build) runs this workload alone.
 */
import { APP_URL, SANDBOX_URL } from "../e2e/env";
import { sealSession } from "../e2e/session";
import { load, type LoadFigures, type LoadTarget } from "./proxy";
import type { BudgetRow } from "./report";

export type LogSaveFigures = {
  seconds: number;
  direct: LoadFigures;
  /** Next.js's floor at c=1 (an unknown /api/ path), for what the route itself adds. */
  floor: LoadFigures;
  app: LoadFigures;
};

export const LOG_SAVE_BUDGET_MS = 5;

function aucklandToday(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Pacific/Auckland" }).format(new Date());
}

export async function logSaveLatency(seconds: number): Promise<LogSaveFigures> {
  const auckland = await sealSession("auckland");
  const body = JSON.stringify([{ name: "water", date: aucklandToday(), value: 1500 }]);
  // As the page does before the dialog opens: the list and the values (with the time zone).
  for (const path of ["/api/attributes", "/api/values"]) {
    const response = await fetch(`${APP_URL}${path}`, { headers: { Cookie: auckland.cookie } });
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
  }
  const direct: LoadTarget = {
    url: `${SANDBOX_URL}/api/2/attributes/update/?success_objects=true`,
    method: "POST",
    headers: {
      Authorization: `Bearer ${auckland.tokens.access_token}`,
      "Content-Type": "application/json",
    },
    body,
  };
  const app: LoadTarget = {
    url: `${APP_URL}/api/values/update`,
    method: "POST",
    headers: { Cookie: auckland.cookie, "Content-Type": "application/json", Origin: APP_URL },
    body,
  };
  const empty: LoadTarget = { url: `${APP_URL}/api/no-such-route`, headers: {}, status: 404 };
  const length = { connections: 1, seconds };
  await load(app, { connections: 1, seconds: 1 }); // warm-up: compile caches, keep-alive
  const directFigures = await load(direct, length);
  const floor = await load(empty, length);
  const appFigures = await load(app, length);
  return { seconds, direct: directFigures, floor, app: appFigures };
}

export function logSaveRows(figures: LogSaveFigures | undefined): BudgetRow[] {
  if (!figures) return [];
  const added = figures.app.p50 - figures.direct.p50;
  return [
    {
      budget: `Log save: POST /api/values/update adds <= ${LOG_SAVE_BUDGET_MS} ms at p50 over the direct update/ (c=1)`,
      figure: `+${added} ms (${figures.direct.p50} → ${figures.app.p50}; empty route ${figures.floor.p50}; p99 ${figures.direct.p99} → ${figures.app.p99}; errors ${figures.direct.errors}/${figures.app.errors})`,
      within: added <= LOG_SAVE_BUDGET_MS && figures.app.errors === 0,
    },
  ];
}

async function main() {
  const { loadavg } = await import("node:os");
  const { assertPortsFree, build, runMain, startServers } = await import("./servers");
  runMain("log-save", async () => {
    if (!process.argv.includes("--no-build")) build();
    await assertPortsFree();
    await startServers();
    const before = loadavg();
    const figures = await logSaveLatency(Number(process.env.BENCH_SECONDS ?? 5));
    const [row] = logSaveRows(figures);
    console.log(JSON.stringify({ ...figures, loadAverage: { start: before, end: loadavg() } }));
    console.log(`${row?.budget}: ${row?.figure} — ${row?.within ? "within" : "OVER"}`);
  });
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
