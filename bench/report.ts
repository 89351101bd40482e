/**
 * Budgets (issues 5 and 12) checked against the figures, and the table `npm run bench` prints.
 */
import type { BrowserFigures } from "./browser";
import type { CallCounts } from "./calls";
import type { ProxyRun } from "./proxy";
import { historyRows, type HistoryFigures } from "./history";
import type { LighthouseScores, RouteWeight } from "./weight";
import { usageRows } from "./usage-report";

export type Results = {
  date: string;
  machine: { cores: number; cpu: string; node: string };
  proxy: ProxyRun[];
  /** The `prefetch` lines the app logged for one load of the attributes page. */
  prefetchLog: string[];
  calls: CallCounts[];
  bulkAcquire: { items: number; status: number; calls: number };
  weights: RouteWeight[];
  lighthouse: { landing: LighthouseScores; attributes: LighthouseScores } | null;
  browser: BrowserFigures;
} & Parameters<typeof usageRows>[0] & { history?: HistoryFigures };

export type BudgetRow = { budget: string; figure: string; within: boolean };

const FIRST_LOAD_BUDGET_BYTES = 170 * 1000;
/** Share of the empty route's requests/s each workload keeps at c=10. */
const FLOOR_SHARE_BUDGETS: Record<string, number> = {
  "GET attributes (demo)": 0.5,
  "acquire 35 (demo)": 0.65,
};

export function budgetRows(results: Results): BudgetRow[] {
  const rows: BudgetRow[] = [];
  // Our cost on top of Next.js's own: throughput against the empty route at c=10 (issue 12).
  for (const run of results.proxy.filter((run) => run.connections === 10)) {
    const floorShare = FLOOR_SHARE_BUDGETS[run.workload] ?? 0.5;
    const ratio = run.app.requestsPerSecond / run.floor.requestsPerSecond;
    rows.push({
      budget: `${run.workload}, c=10: keeps >= ${Math.round(floorShare * 100)}% of the empty route's req/s`,
      figure: `${run.app.requestsPerSecond.toFixed(0)} vs ${run.floor.requestsPerSecond.toFixed(0)} (${(ratio * 100).toFixed(0)}%)`,
      within: ratio >= floorShare,
    });
  }
  for (const run of results.proxy.filter((run) => run.connections === 1)) {
    const added = run.app.p50 - run.direct.p50;
    rows.push({
      budget: `${run.workload}, c=1: adds <= 2 ms at p50 over the direct call`,
      figure: `${added.toFixed(0)} ms (${run.direct.p50} → ${run.app.p50})`,
      within: added <= 2,
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
  return rows;
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

export function printTable(results: Results, rows: BudgetRow[]): void {
  const { machine } = results;
  console.log(
    `\nMachine: ${machine.cores} cores, ${machine.cpu}, Node ${machine.node}; ${results.date}\n`,
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
