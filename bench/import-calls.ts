/**
 * Issue 17's calls to Exist: an import of 3 years (1096 days) of 10 of `auckland`'s attributes
 * (six the app owns in the seed, four it acquires first), sent as the page sends a wide file.
 * The preview's calls against the fewest that can read those days, the update/ calls against
 * ceil(values / 35), and the values written in each clock-aligned rate window against 35 × the
 * import's share, all from the sandbox's request log (`?times=1` gives each call's arrival).
 *
 * The import runs on an app instance of its own (`next start` of the existing build in
 * NEXT_DIST_DIR, its own embedded database) whose window is shortened to `windowSeconds` (20 s)
 * with the default share of 200 of 300 calls, so its 300-odd update/ calls take at least two windows.
 * It uses the sandbox at SANDBOX_URL when one answers there (`npm run bench`'s) and starts one
 * otherwise, with the same window and limit as the app. It resets the sandbox.
 *
 * `npx tsx bench/import-calls.ts` (with E2E_APP_PORT and E2E_SANDBOX_PORT; the app listens on
 * E2E_APP_PORT + 30) runs it alone and prints its rows; `--build` builds the app first.
 */
import { rmSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import type { AttributesResponse, ImportCounts, ImportResponse, Value } from "../lib/api/contract";
import { SANDBOX_URL } from "../e2e/env";
import { instancePort, startInstance, tempDataDir } from "../e2e/history/instances";
import {
  UPDATE,
  sendTo,
  expectedCounts,
  heldValues,
  keptValues,
  lastDays,
  until,
  wideDraft,
  type Column,
} from "../e2e/import/helpers";
import { sandbox } from "../e2e/sandbox";
import { MAX_OBJECTS } from "../sandbox/exist-facts";
import { sealSession, type SealedSession } from "../e2e/session";
import { startProcess, waitFor, waitForClosed } from "./processes";
import type { BudgetRow } from "./report";

const ACCOUNT = "auckland";
/** The service this app is in the sandbox's seed. */
const OURS = "exist_ownership";
const DAYS = 1096;
/** with-values/: 31 days an attribute a call, 100 attributes a page; values/: 100 a page. */
const WINDOW_DAYS = 31;
const PAGE = 100;

/** Each attribute's value on the file's `index`-th day, as Exist stores it. */
const FILE: Array<{ name: string; value: (index: number) => Value }> = [
  { name: "water", value: (i) => 1500 + (i % 700) },
  { name: "coffees", value: (i) => i % 5 },
  { name: "weight", value: (i) => Math.round((68 + (i % 90) / 10) * 10) / 10 },
  { name: "mood", value: (i) => 1 + (i % 9) },
  { name: "sleep_end", value: (i) => 360 + (i % 180) },
  { name: "swim", value: (i) => (i % 3 === 0 ? 1 : 0) },
  { name: "steps", value: (i) => 4000 + ((i * 37) % 9000) },
  { name: "sleep", value: (i) => 360 + (i % 150) },
  { name: "meditation_min", value: (i) => i % 30 },
  { name: "beach", value: (i) => (i % 7 === 0 ? 1 : 0) },
];
/** Per attribute, this many of the days the sandbox already holds keep its value: "unchanged". */
const KEPT_PER_ATTRIBUTE = 3;

export type ImportCallOptions = {
  /** The app instance's port (default E2E_APP_PORT + 30, clear of the bench's own app). */
  appPort?: number;
  windowSeconds?: number;
  /** IMPORT_CALLS_PER_WINDOW and EXIST_RATE_LIMIT. */
  share?: number;
  limit?: number;
  /** Start a sandbox at SANDBOX_URL (default: only when none answers there). */
  ownSandbox?: boolean;
};

export type ImportCallFigures = {
  account: string;
  days: number;
  attributes: number;
  windowSeconds: number;
  share: number;
  limit: number;
  /** "own": started here with the app's window and limit; "running": the caller's. */
  sandbox: "own" | "running";
  preview: {
    ms: number;
    totals: ImportCounts;
    /** The preview's counts equal what the sandbox held (e2e/import/helpers.ts's count). */
    countsMatchSandbox: boolean;
    method: string;
    /** Calls to Exist during POST /api/imports, per path. */
    calls: Record<string, number>;
    readCalls: number;
    fixedCalls: number;
    /** min(ceil(days / 31) × ceil(attributes / 100), attributes × ceil(days / 100)). */
    minimumReads: number;
    /** attributes/ pages, owned/ pages and profile/: what a preview with nothing cached reads. */
    fixedAllowance: number;
  };
  write: {
    values: number;
    calls: number;
    minimumCalls: number;
    largestCall: number;
    statuses: Record<string, number>;
    /** Calls to Exist other than update/ from start to finished, per path. */
    otherCalls: Record<string, number>;
    /**
     * Per window the calls arrived in: their values, and the first and last call's arrival in ms
     * after the window opened (a window after the first shows how soon the import resumed).
     */
    windows: Array<{
      start: string;
      calls: number;
      values: number;
      firstMs: number;
      lastMs: number;
    }>;
    /** ceil(calls / share): no fewer windows can hold them. */
    minimumWindows: number;
    /**
     * From the start's POST to the first and the last update/ call's arrival. The job engine
     * polls every 5 s on the embedded database, for the first run as for each next window's.
     */
    firstCallMs: number;
    wallMs: number;
    /** Every day of the file reads back from the sandbox with the file's value. */
    sandboxHoldsFile: boolean;
  };
};

const countBy = (paths: string[]) =>
  paths.reduce<Record<string, number>>((counts, path) => {
    counts[path] = (counts[path] ?? 0) + 1;
    return counts;
  }, {});

type TimedRequest = { method: string; path: string; status: number; objects?: number; at: number };

async function timedRequests(): Promise<TimedRequest[]> {
  const response = await fetch(`${SANDBOX_URL}/__sandbox/requests?times=1`);
  if (!response.ok) throw new Error(`sandbox request log: ${response.status}`);
  return ((await response.json()) as TimedRequest[]).filter((r) => r.path.startsWith("/api/2/"));
}

function client(url: string, session: SealedSession) {
  return <T>(path: string, body?: unknown) => sendTo<T>(url, session.cookie, path, body);
}

/** The file's columns: its values, but for the first few days the sandbox holds, kept as they are. */
async function fileColumns(session: SealedSession, days: string[], list: AttributesResponse) {
  const columns: Column[] = [];
  for (const { name, value } of FILE) {
    const attribute = list.attributes.find((candidate) => candidate.name === name);
    if (!attribute) throw new Error(`${ACCOUNT} has no attribute ${name}`);
    const token = session.tokens.access_token;
    const values = await keptValues(token, name, days, KEPT_PER_ATTRIBUTE, value);
    columns.push({ name, label: attribute.label, valueType: attribute.value_type, values });
  }
  return columns;
}

async function sandboxHolds(session: SealedSession, days: string[], columns: Column[]) {
  const file = columns.map((column) => column.values);
  return isDeepStrictEqual(await heldValues(session.tokens.access_token, days, columns), file);
}

async function measure(appUrl: string, settings: Required<Omit<ImportCallOptions, "ownSandbox">>) {
  await sandbox.reset();
  const session = await sealSession(ACCOUNT);
  const send = client(appUrl, session);
  // As the page goes: the list, then the acquire of the four the app does not own yet.
  const list = await send<AttributesResponse>("/api/attributes");
  if (list.status !== 200) throw new Error(`GET /api/attributes: ${list.status}`);
  const toAcquire = FILE.filter(({ name }) =>
    list.body.attributes.some((a) => a.name === name && a.service?.name !== OURS),
  ).map(({ name }) => ({ name }));
  const acquired = await send("/api/attributes/acquire", toAcquire);
  if (acquired.status >= 300) throw new Error(`acquire: ${acquired.status}`);
  const days = lastDays(DAYS);
  const columns = await fileColumns(session, days, list.body);
  const draft = wideDraft("three-years.csv", days, columns);
  const expected = await expectedCounts(session.tokens.access_token, draft);

  await sandbox.clearRequests();
  const previewStarted = performance.now();
  const created = await send<ImportResponse>("/api/imports", draft);
  const previewMs = Math.round(performance.now() - previewStarted);
  if (created.status !== 201) throw new Error(`POST /api/imports: ${JSON.stringify(created)}`);
  const preview = created.body.preview;
  const previewCalls = await timedRequests();
  const isRead = (path: string) => /\/attributes\/(with-values|values)\/$/.test(path);
  const readCalls = previewCalls.filter((r) => isRead(r.path)).length;
  const attributeCount = list.body.attributes.length;

  await sandbox.clearRequests();
  const startedAt = Date.now();
  const started = await send<ImportResponse>(`/api/imports/${created.body.id}/start`, { tags: {} });
  if (started.status !== 200) throw new Error(`start: ${JSON.stringify(started.body)}`);
  const finished = await until(
    () => send<ImportResponse>(`/api/imports/${created.body.id}`).then((answer) => answer.body),
    (response) => response.status !== "running",
    120_000,
  );
  if (finished.status !== "finished") throw new Error(`import ${finished.status}`);
  const runCalls = await timedRequests();
  const updates = runCalls.filter((r) => r.path === UPDATE);
  const windowMs = settings.windowSeconds * 1000;
  const windows = new Map<number, ImportCallFigures["write"]["windows"][number]>();
  for (const update of updates) {
    // As lib/api/rate/window.ts aligns them: floor(epoch seconds / W) × W.
    const start = Math.floor(update.at / windowMs) * windowMs;
    const into = update.at - start;
    const window = windows.get(start) ?? {
      start: new Date(start).toISOString(),
      calls: 0,
      values: 0,
      firstMs: into,
      lastMs: into,
    };
    window.calls += 1;
    window.values += update.status === 200 ? (update.objects ?? 0) : 0;
    window.lastMs = into;
    windows.set(start, window);
  }
  const values = preview.totals.new + preview.totals.replace;
  const written = updates.filter((r) => r.status === 200);
  return {
    preview: {
      ms: previewMs,
      totals: preview.totals,
      countsMatchSandbox: (["new", "replace", "unchanged"] as const).every(
        (key) => preview.totals[key] === expected[key],
      ),
      method: preview.read.method,
      calls: countBy(previewCalls.map((r) => r.path)),
      readCalls,
      fixedCalls: previewCalls.length - readCalls,
      minimumReads: Math.min(
        Math.ceil(DAYS / WINDOW_DAYS) * Math.ceil(FILE.length / PAGE),
        FILE.length * Math.ceil(DAYS / PAGE),
      ),
      fixedAllowance: Math.ceil(attributeCount / PAGE) + 1 + 1,
    },
    write: {
      values,
      calls: written.length,
      minimumCalls: Math.ceil(values / MAX_OBJECTS),
      largestCall: Math.max(0, ...updates.map((r) => r.objects ?? 0)),
      statuses: countBy(updates.map((r) => String(r.status))),
      otherCalls: countBy(runCalls.filter((r) => r.path !== UPDATE).map((r) => r.path)),
      windows: [...windows.values()],
      minimumWindows: Math.ceil(written.length / settings.share),
      firstCallMs: (updates[0]?.at ?? startedAt) - startedAt,
      wallMs: (updates.at(-1)?.at ?? startedAt) - startedAt,
      sandboxHoldsFile: await sandboxHolds(session, days, columns),
    },
  };
}

export async function importCallFigures(
  options: ImportCallOptions = {},
): Promise<ImportCallFigures> {
  const settings = {
    appPort: options.appPort ?? instancePort(10),
    windowSeconds: options.windowSeconds ?? 20,
    share: options.share ?? 200,
    limit: options.limit ?? 300,
  };
  const running = await fetch(`${SANDBOX_URL}/__sandbox/state?account=demo`).then(
    (response) => response.ok,
    () => false,
  );
  const own = options.ownSandbox ?? !running;
  const limits = {
    EXIST_RATE_WINDOW_S: String(settings.windowSeconds),
    EXIST_RATE_LIMIT: String(settings.limit),
    IMPORT_CALLS_PER_WINDOW: String(settings.share),
  };
  const started = own
    ? startProcess("sandbox", "exec npx tsx sandbox/main.ts", {
        SANDBOX_PORT: new URL(SANDBOX_URL).port,
        SANDBOX_RATE_LIMIT: limits.EXIST_RATE_LIMIT,
        SANDBOX_RATE_WINDOW_S: limits.EXIST_RATE_WINDOW_S,
      })
    : undefined;
  const dataDir = tempDataDir();
  let app: Awaited<ReturnType<typeof startInstance>> | undefined;
  try {
    if (started) await waitFor(`${SANDBOX_URL}/__sandbox/state?account=demo`);
    app = await startInstance(settings.appPort, { DATA_DIR: dataDir, ...limits });
    const figures = await measure(app.url, settings);
    return {
      account: ACCOUNT,
      days: DAYS,
      attributes: FILE.length,
      windowSeconds: settings.windowSeconds,
      share: settings.share,
      limit: settings.limit,
      sandbox: own ? "own" : "running",
      ...figures,
    };
  } finally {
    await app?.stop("SIGTERM");
    if (started?.child.pid !== undefined && started.child.exitCode === null) {
      const exited = new Promise((resolve) => started.child.once("exit", resolve));
      process.kill(-started.child.pid, "SIGTERM");
      await exited;
      await waitForClosed(SANDBOX_URL);
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const thousands = (n: number) => n.toLocaleString("en-GB");
const list = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([path, count]) => `${path.replace("/api/2/", "")} ${count}`)
    .join(", ") || "none";

export function importCallRows(figures: ImportCallFigures | undefined): BudgetRow[] {
  if (!figures) return [];
  const { preview, write } = figures;
  const perWindow = MAX_OBJECTS * figures.share;
  const mostValues = Math.max(0, ...write.windows.map((w) => w.values));
  const mostCalls = Math.max(0, ...write.windows.map((w) => w.calls));
  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  const spans = write.windows
    .map((w) => `${w.calls} calls at ${seconds(w.firstMs)}–${seconds(w.lastMs)} s`)
    .join(", ");
  const { new: fresh, replace, unchanged } = preview.totals;
  const fixed = Object.fromEntries(
    Object.entries(preview.calls).filter(([path]) => !path.endsWith("values/")),
  );
  return [
    {
      budget: `import preview, ${figures.days} days × ${figures.attributes} attributes: reads <= min(ceil(${figures.days}/31) × ceil(${figures.attributes}/100), ${figures.attributes} × ceil(${figures.days}/100)) = ${preview.minimumReads}, plus <= ${preview.fixedAllowance} fixed (attributes/, owned/, profile/)`,
      figure: `${preview.readCalls} ${preview.method}/ + ${preview.fixedCalls} fixed (${list(fixed)}) in ${preview.ms} ms; new ${thousands(fresh)}, replace ${replace}, unchanged ${unchanged}${preview.countsMatchSandbox ? "" : " (NOT the sandbox's counts)"}`,
      within:
        preview.readCalls <= preview.minimumReads &&
        preview.fixedCalls <= preview.fixedAllowance &&
        preview.countsMatchSandbox,
    },
    {
      budget: `import writes: ceil(values / 35) update/ calls, each <= 35 values`,
      figure: `${write.calls} calls for ${thousands(write.values)} values (ceil: ${write.minimumCalls}), largest ${write.largestCall}; statuses ${list(write.statuses)}; other calls ${list(write.otherCalls)}; ${write.sandboxHoldsFile ? "the sandbox holds the file" : "the sandbox does NOT hold the file"}`,
      within:
        write.calls === write.minimumCalls &&
        write.largestCall <= MAX_OBJECTS &&
        write.sandboxHoldsFile &&
        Object.keys(write.statuses).every((status) => status === "200"),
    },
    {
      budget: `import pace: values written per ${figures.windowSeconds} s window <= 35 × share (35 × ${figures.share} = ${thousands(perWindow)})`,
      figure: `at most ${thousands(mostValues)} values (${mostCalls} calls) in a window; ${write.windows.length} windows, at least ${write.minimumWindows} (${spans} into each); ${seconds(write.wallMs)} s from start to the last call (the first at ${seconds(write.firstCallMs)} s)`,
      within: mostValues <= perWindow && mostCalls <= figures.share,
    },
  ];
}

async function main() {
  const { loadavg } = await import("node:os");
  const { build, runMain } = await import("./servers");
  runMain("import-calls", async () => {
    if (process.argv.includes("--build")) build();
    const before = loadavg();
    const startedAt = Date.now();
    const figures = await importCallFigures();
    console.log(
      JSON.stringify({
        ...figures,
        seconds: Math.round((Date.now() - startedAt) / 1000),
        loadAverage: { start: before, end: loadavg() },
      }),
    );
    for (const row of importCallRows(figures)) {
      console.log(`${row.budget}: ${row.figure} — ${row.within ? "within" : "OVER"}`);
    }
  });
}

if (process.argv[1]?.endsWith("import-calls.ts")) void main();
