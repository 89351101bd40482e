/**
 * Budget rows for an hour of use (bench/hour-of-use.ts) and every script of a fresh load
 * (bench/page-scripts.ts), added to the table bench/report.ts prints.
 */
import type { HourOfUse } from "./hour-of-use";
import type { PageScripts } from "./page-scripts";

type Row = { budget: string; figure: string; within: boolean };

/** Calls to Exist for an hour of use, per account. */
export const HOUR_BUDGET: Record<string, number> = { demo: 60, heavy: 150 };

/**
 * The same script against the app before the values work (commit 5949578: every refocus and
 * every change refetched the whole list): the figure to compare with.
 */
export const HOUR_BEFORE: Record<string, number> = { demo: 76, heavy: 229 };

export const PAGE_SCRIPTS_BUDGET_BYTES = 170 * 1000;

export function usageRows(results: { hour?: HourOfUse[]; scripts?: PageScripts }): Row[] {
  const rows: Row[] = (results.hour ?? []).map((run) => {
    const budget = HOUR_BUDGET[run.account] ?? 0;
    const paths = Object.entries(run.byPath)
      .map(([path, count]) => `${path.replace("/api/2/", "")} ${count}`)
      .join(", ");
    return {
      budget: `an hour of use (${run.account}): <= ${budget} calls to Exist`,
      figure: `${run.calls} calls (before: ${HOUR_BEFORE[run.account] ?? "?"}): ${paths}`,
      within: run.calls <= budget,
    };
  });
  if (results.scripts) {
    rows.push({
      budget: "every script of a fresh signed-in /attributes load <= 170 kB gzip",
      figure: `${(results.scripts.gzipBytes / 1000).toFixed(1)} kB in ${results.scripts.scripts} scripts`,
      within: results.scripts.gzipBytes <= PAGE_SCRIPTS_BUDGET_BYTES,
    });
  }
  return rows;
}
