/**
 * Reading an import file: 100,000 rows of 10 columns (a date and nine attributes of every value
 * type: steps, weight, mood, sleep as H:MM, water, a tag, body fat in %, bedtime in 12-hour time,
 * a note), 5.5 MB. Budget: parsing it takes at most 2 s and never blocks the page for more than
 * 100 ms at a time. The parsing runs in the import worker, off the page's thread; what reaches
 * the page is the summary, then the plan, each cloned once into the page (structured clone, as
 * postMessage does), and progress messages between the worker's 1 MB chunks.
 *
 * In `npm run bench`; `npx tsx bench/import-parse.ts` runs it alone (no server, no build). Median of ROUNDS runs after a warm-up.
 */
import { performance } from "node:perf_hooks";
import { custom, METRIC, template } from "../lib/values/test-fixtures";
import { decodeFile } from "../lib/import/decode";
import { parseText } from "../lib/import/parse-text";
import { planImport } from "../lib/import/plan";
import { planBuffers } from "../lib/import/planned";
import { suggestMapping } from "../lib/import/suggest";
import { summarizeTable } from "../lib/import/summary";
import type { BudgetRow } from "./report";

export const PARSE_BUDGET_MS = 2000;
export const BLOCK_BUDGET_MS = 100;
const ROWS = 100_000;
const ROUNDS = 5;

const ATTRIBUTES = [
  template("steps"),
  template("weight"),
  template("mood"),
  template("sleep"),
  template("water"),
  custom("meditated", "Meditated", 7),
  template("body_fat"),
  template("sleep_start"),
  template("mood_note"),
];

const HEADER = "date,Steps,Weight,Mood,Time asleep,Water,Meditated,Body fat,Bedtime,Mood note";

/** The file's bytes: one row a day, the oldest 100,000 days before 2026-03-01. */
export function benchFile(rows = ROWS): Uint8Array {
  const lines = [HEADER];
  const day = Date.UTC(2026, 2, 1) - rows * 86_400_000;
  for (let i = 0; i < rows; i++) {
    const date = new Date(day + i * 86_400_000).toISOString().slice(0, 10);
    const sleep = `${6 + (i % 3)}:${String(i % 60).padStart(2, "0")}`;
    const bedtime = `${10 + (i % 2)}:${String((i * 7) % 60).padStart(2, "0")} pm`;
    lines.push(
      [
        date,
        4000 + ((i * 37) % 9000),
        (68 + (i % 80) / 10).toFixed(1),
        1 + (i % 9),
        sleep,
        1500 + (i % 1000),
        i % 2 ? "yes" : "no",
        `${(20 + (i % 50) / 10).toFixed(1)}%`,
        bedtime,
        i % 5 ? "" : `"Walked, read; day ${i}"`,
      ].join(","),
    );
  }
  return new TextEncoder().encode(lines.join("\n"));
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;

function timed<T>(run: () => T): [T, number] {
  const start = performance.now();
  const result = run();
  return [result, performance.now() - start];
}

type Round = {
  decode: number;
  parse: number;
  summary: number;
  plan: number;
  longestChunk: number;
  cloneSummary: number;
  clonePlan: number;
  values: number;
};

function round(bytes: Uint8Array): Round {
  const [decoded, decode] = timed(() => decodeFile(bytes));
  if (!decoded.ok) throw new Error(decoded.issue.message);
  let last = performance.now();
  let longestChunk = 0;
  const [parsed, parse] = timed(() =>
    parseText(decoded.text, {
      onProgress: () => {
        const now = performance.now();
        longestChunk = Math.max(longestChunk, now - last);
        last = now;
      },
    }),
  );
  if (!parsed.ok) throw new Error(parsed.issue.message);
  const [summarized, summary] = timed(() => summarizeTable(parsed.table));
  if (!summarized.ok) throw new Error(summarized.issue.message);
  const mapping = suggestMapping(summarized.summary, ATTRIBUTES, METRIC);
  const context = { attributes: ATTRIBUTES, units: METRIC, today: "2026-03-01", timezone: "UTC" };
  const [plan, planTime] = timed(() => planImport(parsed.table, mapping, context));
  const [, cloneSummary] = timed(() => structuredClone(summarized.summary));
  // As the worker posts it: its typed arrays moved, not copied (planBuffers).
  const [, clonePlan] = timed(() => structuredClone(plan, { transfer: planBuffers(plan) }));
  return {
    decode,
    parse,
    summary,
    plan: planTime,
    longestChunk,
    cloneSummary,
    clonePlan,
    values: plan.valueCount,
  };
}

export type ImportParseFigures = {
  rows: number;
  bytes: number;
  /** Reading the file to its summary (decode + parse + summary), median ms. */
  parseMs: number;
  decodeMs: number;
  papaMs: number;
  summaryMs: number;
  planMs: number;
  values: number;
  /** The longest stretch between two progress messages, in the worker. */
  longestChunkMs: number;
  /** What the page's thread spends receiving: the summary, and the plan. */
  cloneSummaryMs: number;
  clonePlanMs: number;
};

export function importParseFigures(): ImportParseFigures {
  const bytes = benchFile();
  round(bytes);
  const rounds = Array.from({ length: ROUNDS }, () => round(bytes));
  const of = (key: keyof Round) => Math.round(median(rounds.map((r) => r[key])));
  return {
    rows: ROWS,
    bytes: bytes.length,
    parseMs: Math.round(median(rounds.map((r) => r.decode + r.parse + r.summary))),
    decodeMs: of("decode"),
    papaMs: of("parse"),
    summaryMs: of("summary"),
    planMs: of("plan"),
    values: rounds[0]?.values ?? 0,
    longestChunkMs: of("longestChunk"),
    cloneSummaryMs: of("cloneSummary"),
    clonePlanMs: of("clonePlan"),
  };
}

/** The budget: reading the file within 2 s, and the page's longest block within 100 ms. */
export function importParseRows(figures: ImportParseFigures | undefined): BudgetRow[] {
  if (!figures) return [];
  const page = Math.max(figures.cloneSummaryMs, figures.clonePlanMs);
  const size = `${figures.rows.toLocaleString("en-GB")} rows, ${(figures.bytes / 1048576).toFixed(1)} MB`;
  return [
    {
      budget: `import: parsing a file (${size}) <= ${PARSE_BUDGET_MS} ms, in the worker`,
      figure: `${figures.parseMs} ms (Papa Parse ${figures.papaMs}, summary ${figures.summaryMs}); plan of ${figures.values.toLocaleString("en-GB")} values ${figures.planMs} ms`,
      within: figures.parseMs <= PARSE_BUDGET_MS,
    },
    {
      budget: `import: the page's longest block while a file is read <= ${BLOCK_BUDGET_MS} ms`,
      figure: `${page} ms (summary ${figures.cloneSummaryMs}, plan ${figures.clonePlanMs}; the worker's longest chunk ${figures.longestChunkMs})`,
      within: page <= BLOCK_BUDGET_MS,
    },
  ];
}

if (process.argv[1]?.endsWith("import-parse.ts")) {
  const figures = importParseFigures();
  console.log(figures);
  for (const row of importParseRows(figures)) {
    console.log(`${row.budget}: ${row.figure} ${row.within ? "within" : "OVER"}`);
  }
}
