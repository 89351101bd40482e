/**
 * Budgets (issues 5 and 12) checked against the figures, the figures reported without a budget,
 * and the tables `npm run bench` prints.
 */
import type { BrowserFigures } from "./browser";
import type { CallCounts } from "./calls";
import type { CpuRun } from "./cpu-time";
import type { ProxyRun } from "./proxy";
import { WORKLOAD_NAMES } from "./servers";
import { historyRows, type HistoryFigures } from "./history";
import { importCallRows, type ImportCallFigures } from "./import-calls";
import { importParseRows, type ImportParseFigures } from "./import-parse";
import { memoryRows, type MemoryFigures } from "./memory";
import { logSaveRows, type LogSaveFigures } from "./log-save";
import type { LighthouseScores, RouteWeight } from "./weight";
import { usageRows } from "./usage-report";

export type Results = {
  date: string;
  machine: {
    cores: number;
    cpu: string;
    node: string;
    /** os.loadavg() (1, 5, 15 minutes) when the run started and ended. */
    loadAverage?: { start: number[]; end: number[] };
  };
  /** µs of the server's CPU per request, by workload name (bench/cpu-time.ts). */
  cpu: CpuRun & { microsPerRequest: Record<string, number> };
  proxy: ProxyRun[];
  /** Save through our route against the direct call (bench/log-save.ts); absent in older runs. */
  logSave?: LogSaveFigures;
  /** The `prefetch` lines the app logged for one load of the attributes page. */
  prefetchLog: string[];
  calls: CallCounts[];
  bulkAcquire: { items: number; status: number; calls: number };
  weights: RouteWeight[];
  lighthouse: { landing: LighthouseScores; attributes: LighthouseScores } | null;
  browser: BrowserFigures;
} & Parameters<typeof usageRows>[0] & {
    history?: HistoryFigures;
    /** Reading a 100,000-row import file (bench/import-parse.ts); absent in older runs. */
    importParse?: ImportParseFigures;
    /** An import's calls to Exist and its pace (bench/import-calls.ts); absent in older runs. */
    importCalls?: ImportCallFigures;
    /** Resident memory after one sign-in (bench/memory.ts); absent in older runs. */
    memory?: MemoryFigures;
  };

export type BudgetRow = { budget: string; figure: string; within: boolean };

export type ReportedRow = { figure: string; value: string };

const FIRST_LOAD_BUDGET_BYTES = 170 * 1000;

/**
 * What a request costs on top of Next.js's own floor, in CPU time of the server process, as a
 * multiple of the empty route's CPU: the list makes two calls to Exist; an acquire of 35 makes
 * one and records 35 history entries before and after it.
 */
const CPU_OVER_EMPTY_BUDGETS = [
  { name: WORKLOAD_NAMES.list, times: 1 },
  { name: WORKLOAD_NAMES.acquire35, times: 2 },
];

export function budgetRows(results: Results): BudgetRow[] {
  const rows: BudgetRow[] = [];
  const perRequest = results.cpu.microsPerRequest;
  const empty = perRequest[WORKLOAD_NAMES.empty] ?? 0;
  for (const { name, times } of CPU_OVER_EMPTY_BUDGETS) {
    const added = (perRequest[name] ?? 0) - empty;
    rows.push({
      budget: `${name}: CPU per request over the empty route's <= ${times}× the empty route's`,
      figure: `+${added} µs over ${empty} µs (${(added / empty).toFixed(2)}×)`,
      within: added <= times * empty,
    });
  }
  const [prefetchLine] = results.prefetchLog;
  rows.push({
    budget: "the attributes page's prefetch logs one line (2 calls to Exist for demo)",
    figure:
      results.prefetchLog.length === 1
        ? (prefetchLine ?? "").replace(/ \d+ms /, " … ")
        : `${results.prefetchLog.length} lines`,
    within: results.prefetchLog.length === 1 && /exist_calls=2 /.test(prefetchLine ?? ""),
  });
  for (const counts of results.calls) {
    rows.push({
      budget: `first load (${counts.account}): ceil(count/100) + ceil(owned/100) calls`,
      figure: `${counts.firstLoad} calls for ${counts.attributes} attributes (budget ${counts.expectedFirstLoad})`,
      within: counts.firstLoad <= counts.expectedFirstLoad,
    });
    rows.push({
      budget: `repeat load (${counts.account}) within the cache window: 0 calls`,
      figure: `${counts.repeatLoad} calls`,
      within: counts.repeatLoad === 0,
    });
  }
  const bulkBudget = Math.ceil(results.bulkAcquire.items / 35);
  rows.push({
    budget: `bulk acquire of ${results.bulkAcquire.items}: ceil(N/35) = ${bulkBudget} calls`,
    figure: `${results.bulkAcquire.calls} calls (HTTP ${results.bulkAcquire.status})`,
    within: results.bulkAcquire.calls === bulkBudget,
  });
  const attributesPage = results.weights.find((weight) => weight.route === "/attributes");
  if (attributesPage) {
    rows.push({
      budget: "first-load JS of /attributes <= 170 kB gzip",
      figure: `${(attributesPage.gzipBytes / 1000).toFixed(1)} kB`,
      within: attributesPage.gzipBytes <= FIRST_LOAD_BUDGET_BYTES,
    });
  }
  for (const [page, scores] of Object.entries(results.lighthouse ?? {})) {
    rows.push({
      budget: `Lighthouse ${page}: performance >= 95, accessibility 100, best practices >= 95`,
      figure: `${scores.performance} / ${scores.accessibility} / ${scores.bestPractices}${scores.runtimeError ? ` (${scores.runtimeError})` : ""}`,
      within:
        scores.performance >= 95 && scores.accessibility === 100 && scores.bestPractices >= 95,
    });
  }
  rows.push(...usageRows(results));
  const { browser } = results;
  rows.push({
    budget: "heavy list visible within 1 s of navigation",
    figure: `painted ${browser.listPaintMs.toFixed(0)} ms, hydrated ${browser.listVisibleMs.toFixed(0)} ms, all ${browser.switches} rows ${browser.listCompleteMs.toFixed(0)} ms`,
    within: browser.listPaintMs <= 1000,
  });
  rows.push({
    budget: "filter keystroke updates the heavy list within 16 ms",
    figure: `${results.browser.filterKeystrokeMs.toFixed(1)} ms`,
    within: results.browser.filterKeystrokeMs <= 16,
  });
  rows.push(...historyRows(results.history));
  rows.push(...logSaveRows(results.logSave));
  rows.push(...importParseRows(results.importParse));
  rows.push(...importCallRows(results.importCalls));
  return rows;
}

/**
 * Figures without a budget: the concurrency figures (on two shared cores the sandbox, standing in
 * for Exist, and the load generator take the same cores as the app, so these move with the
 * machine whatever our code does), and the memory after a sign-in.
 */
export function reportedRows(results: Results): ReportedRow[] {
  const proxyRows = results.proxy.map((run): ReportedRow =>
    run.connections === 1
      ? {
          figure: `${run.workload}, c=1: added at p50 over the direct call`,
          value: `${run.app.p50 - run.direct.p50} ms (${run.direct.p50} → ${run.app.p50})`,
        }
      : {
          figure: `${run.workload}, c=${run.connections}: req/s against the empty route's`,
          value: `${run.app.requestsPerSecond.toFixed(0)} vs ${run.floor.requestsPerSecond.toFixed(0)} (${((run.app.requestsPerSecond / run.floor.requestsPerSecond) * 100).toFixed(0)}%)`,
        },
  );
  return [...proxyRows, ...memoryRows(results.memory)];
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, index) =>
    Math.max(cell.length, ...rows.map((row) => (row[index] ?? "").length)),
  );
  const line = (row: string[]) =>
    `| ${row.map((cell, index) => cell.padEnd(widths[index] ?? 0)).join(" | ")} |`;
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join(
    "\n",
  );
}

export function printTable(results: Results, rows: BudgetRow[], reported: ReportedRow[]): void {
  const { machine } = results;
  const load = (values: number[]) => values.map((value) => value.toFixed(1)).join(" ");
  const loadText = machine.loadAverage
    ? `; load average ${load(machine.loadAverage.start)} at the start, ${load(machine.loadAverage.end)} at the end`
    : "";
  console.log(
    `\nMachine: ${machine.cores} cores, ${machine.cpu}, Node ${machine.node}; ${results.date}${loadText}\n`,
  );
  console.log(
    table(
      [
        "workload",
        "c",
        "direct p50/p99 ms",
        "empty route p50/p99 ms",
        "app p50/p99 ms",
        "direct req/s",
        "empty route req/s",
        "app req/s",
        "app/empty route",
        "errors direct/empty/app",
      ],
      results.proxy.map((run) => [
        run.workload,
        String(run.connections),
        `${run.direct.p50} / ${run.direct.p99}`,
        `${run.floor.p50} / ${run.floor.p99}`,
        `${run.app.p50} / ${run.app.p99}`,
        run.direct.requestsPerSecond.toFixed(0),
        run.floor.requestsPerSecond.toFixed(0),
        run.app.requestsPerSecond.toFixed(0),
        (run.app.requestsPerSecond / run.floor.requestsPerSecond).toFixed(2),
        `${run.direct.errors} / ${run.floor.errors} / ${run.app.errors}`,
      ]),
    ),
  );
  const perRequest = Object.entries(results.cpu.microsPerRequest);
  console.log(
    `\n${table(
      ["CPU µs per request (server process, all threads)", ...perRequest.map(([name]) => name)],
      [["", ...perRequest.map(([, micros]) => String(micros))]],
    )}`,
  );
  console.log(
    `\n${table(
      ["reported, no budget", "figure"],
      reported.map((row) => [row.figure, row.value]),
    )}`,
  );
  console.log(
    `\n${table(
      ["route", "first-load JS (gzip)"],
      results.weights.map((weight) => [weight.route, `${(weight.gzipBytes / 1000).toFixed(1)} kB`]),
    )}`,
  );
  console.log(
    `\n${table(
      ["budget", "figure", "verdict"],
      rows.map((row) => [row.budget, row.figure, row.within ? "within" : "OVER"]),
    )}\n`,
  );
}
