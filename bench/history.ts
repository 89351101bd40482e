/**
 * History budgets (issue 10): what recording adds to an acquire at concurrency 1, and how fast
 * /history shows its first page with 10,000 entries for one user.
 */
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";

export type HistoryFigures = {
  seeded: number;
  /** The intent written before the call to Exist: what an acquire waits for in addition. */
  recordingP50Ms: number;
  recordingP99Ms: number;
  /** The outcome write, after the answer was sent (embedded database). */
  outcomeP50Ms: number;
  /** GET /history (first page of 50), median of 5 after one warm-up. */
  firstPageMs: number;
};

/** Seeds the embedded database (before the app opens it) and times the recording statements. */
export function prepareHistory(root: string, dataDir: string, username: string) {
  rmSync(dataDir, { recursive: true, force: true });
  const output = execFileSync(
    "npx",
    ["tsx", "--conditions=react-server", "bench/history-db.ts", dataDir, username, "10000"],
    { cwd: root, encoding: "utf8" },
  );
  const last = output.trim().split("\n").at(-1) ?? "{}";
  return JSON.parse(last) as Omit<HistoryFigures, "firstPageMs">;
}

export async function historyFirstPage(appUrl: string, cookie: string): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < 6; run++) {
    const started = performance.now();
    const response = await fetch(`${appUrl}/history`, { headers: { Cookie: cookie } });
    const html = await response.text();
    if (!response.ok || !html.includes("<table")) throw new Error(`/history: ${response.status}`);
    if (run > 0) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

export function historyRows(figures: HistoryFigures | undefined) {
  if (!figures) return [];
  return [
    {
      budget: "recording adds <= 2 ms at p50 to an acquire (c=1, embedded database)",
      figure: `${figures.recordingP50Ms.toFixed(2)} ms (p99 ${figures.recordingP99Ms.toFixed(2)}; outcome written after the answer: ${figures.outcomeP50Ms.toFixed(2)} ms)`,
      within: figures.recordingP50Ms <= 2,
    },
    {
      budget: `/history first page with ${figures.seeded} entries for one user <= 500 ms`,
      figure: `${figures.firstPageMs.toFixed(0)} ms`,
      within: figures.firstPageMs <= 500,
    },
  ];
}
