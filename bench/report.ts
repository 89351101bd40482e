/**
 * Budgets (issue 5) checked against the figures, and the table `npm run bench` prints.
 */
import type { BrowserFigures } from "./browser";
import type { CallCounts } from "./calls";
import { historyRows, type HistoryFigures } from "./history";
import type { LoadFigures } from "./proxy";
import type { LighthouseScores, RouteWeight } from "./weight";

export type Results = {
  date: string;
  machine: { cores: number; cpu: string; node: string };
  proxy: Array<{ workload: string; connections: number; direct: LoadFigures; app: LoadFigures }>;
  floor: Array<{ connections: number; figures: LoadFigures }>;
  calls: CallCounts[];
  bulkAcquire: { items: number; status: number; calls: number };
  weights: RouteWeight[];
  lighthouse: { landing: LighthouseScores; attributes: LighthouseScores } | null;
  browser: BrowserFigures;
  history?: HistoryFigures;
};

export type BudgetRow = { budget: string; figure: string; within: boolean };

const FIRST_LOAD_BUDGET_BYTES = 170 * 1000;

export function budgetRows(results: Results): BudgetRow[] {
  const rows: BudgetRow[] = [];
  for (const run of results.proxy.filter((run) => run.connections === 10)) {
    const added = run.app.p50 - run.direct.p50;
    rows.push({
      budget: `${run.workload}, c=10: proxy adds <= 2 ms at p50`,
      figure: `${added.toFixed(1)} ms (${run.direct.p50} → ${run.app.p50})`,
      within: added <= 2,
    });
    const ratio = run.app.requestsPerSecond / run.direct.requestsPerSecond;
    rows.push({
      budget: `${run.workload}, c=10: app keeps >= 50% of direct req/s`,
      figure: `${(ratio * 100).toFixed(0)}%`,
      within: ratio >= 0.5,
    });
  }
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
  const { browser } = results;
  rows.push({
    budget: "heavy list visible within 1 s of navigation",
    figure: `painted ${browser.listPaintMs.toFixed(0)} ms, hydrated ${browser.listVisibleMs.toFixed(0)} ms (${browser.switches} switches)`,
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
        "app p50/p99 ms",
        "direct req/s",
        "app req/s",
        "app/direct",
        "errors direct/app",
      ],
      results.proxy.map((run) => [
        run.workload,
        String(run.connections),
        `${run.direct.p50} / ${run.direct.p99}`,
        `${run.app.p50} / ${run.app.p99}`,
        run.direct.requestsPerSecond.toFixed(0),
        run.app.requestsPerSecond.toFixed(0),
        (run.app.requestsPerSecond / run.direct.requestsPerSecond).toFixed(2),
        `${run.direct.errors} / ${run.app.errors}`,
      ]),
    ),
  );
  console.log(
    `\n${table(
      [
        "Next.js floor: unknown /api/ path (404, no Exist call)",
        "c",
        "p50/p99 ms",
        "req/s",
        "errors",
      ],
      results.floor.map((run) => [
        "",
        String(run.connections),
        `${run.figures.p50} / ${run.figures.p99}`,
        run.figures.requestsPerSecond.toFixed(0),
        String(run.figures.errors),
      ]),
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
