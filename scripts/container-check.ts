/**
 * The HTTP checks scripts/container.sh runs against the app in its container, from the host:
 *
 *   tsx scripts/container-check.ts up <appUrl>              /api/health and /api/ready answer 200
 *   tsx scripts/container-check.ts acquire <appUrl> <sandboxUrl> <cookieFile>
 *       signs `demo` in over HTTP, acquires `steps`, checks that Exist (the sandbox) has it owned
 *       by the app and that /api/history shows it done; keeps the session cookie in <cookieFile>
 *   tsx scripts/container-check.ts history <appUrl> <cookieFile>
 *       the acquire is still in /api/history (a new container on the same volume)
 *   tsx scripts/container-check.ts json-logs <logFile>
 *       every line of a container's output (`podman logs`, LOG_FORMAT=json) is one JSON object
 *       with a time, a level and a message, Next.js's start-up banner among them
 *
 * Each prints one line and exits 0, or prints what is wrong and exits 1.
 */
import { readFileSync, writeFileSync } from "node:fs";
import type { HistoryResponse, ReadyResponse } from "../lib/api/contract";
import { SANDBOX_CLIENT } from "../lib/sandbox-client";
import { signInOverHttp } from "../e2e/production/http-sign-in";

const ATTRIBUTE = "steps";
const UP_TIMEOUT_MS = 120_000;

function fail(message: string): never {
  console.error(`container-check: ${message}`);
  process.exit(1);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function getJson<T>(url: string, cookie?: string): Promise<{ status: number; body: T }> {
  const response = await fetch(url, {
    headers: cookie ? { Cookie: cookie } : {},
    signal: AbortSignal.timeout(10_000),
  });
  return { status: response.status, body: (await response.json()) as T };
}

/** Polls until `check` returns a value, or fails with the last reason after `timeoutMs`. */
async function poll<T>(
  what: string,
  check: () => Promise<T | string>,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < deadline) {
    try {
      const result = await check();
      if (typeof result !== "string") return result;
      last = result;
    } catch (error) {
      last =
        error instanceof Error ? `${error.message} ${String(error.cause ?? "")}` : String(error);
    }
    await sleep(250);
  }
  fail(`${what}: not within ${timeoutMs / 1000} s (last: ${last})`);
}

async function up(appUrl: string): Promise<void> {
  const started = Date.now();
  await poll(
    "/api/health 200",
    async () => {
      const { status } = await getJson(`${appUrl}/api/health`);
      return status === 200 ? true : `status ${status}`;
    },
    UP_TIMEOUT_MS,
  );
  const healthMs = Date.now() - started;
  const ready = await poll(
    "/api/ready 200 with the database up",
    async () => {
      const { status, body } = await getJson<ReadyResponse>(`${appUrl}/api/ready`);
      const ok = status === 200 && body.status === "ready" && body.database.state === "up";
      return ok ? body : `status ${status} ${JSON.stringify(body)}`;
    },
    UP_TIMEOUT_MS,
  );
  console.log(
    `up: /api/health 200 after ${(healthMs / 1000).toFixed(1)} s, /api/ready ` +
      `${JSON.stringify(ready)} after ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

async function acquiredEntry(appUrl: string, cookie: string): Promise<string | true> {
  const { status, body } = await getJson<HistoryResponse>(`${appUrl}/api/history`, cookie);
  if (status !== 200) return `GET /api/history: ${status}`;
  const entry = body.entries.find(
    (candidate) => candidate.attribute === ATTRIBUTE && candidate.action === "acquire",
  );
  if (entry?.outcome === "done") return true;
  return `history: ${JSON.stringify(body.entries.map(({ attribute, action, outcome }) => ({ attribute, action, outcome })))}`;
}

async function acquire(appUrl: string, sandboxUrl: string, cookieFile: string): Promise<void> {
  const started = Date.now();
  const cookie = await signInOverHttp(appUrl);
  writeFileSync(cookieFile, cookie, { mode: 0o600 });
  const signedInMs = Date.now() - started;
  const response = await fetch(`${appUrl}/api/attributes/acquire`, {
    method: "POST",
    headers: { Cookie: cookie, Origin: appUrl, "Content-Type": "application/json" },
    body: JSON.stringify([{ name: ATTRIBUTE }]),
    signal: AbortSignal.timeout(30_000),
  });
  if (response.status !== 200) {
    fail(`POST /api/attributes/acquire: ${response.status} ${await response.text()}`);
  }
  // What Exist received: the attribute is now the app's.
  const { body: state } = await getJson<{
    results: Array<{ name: string; service: { name: string } | null }>;
  }>(`${sandboxUrl}/__sandbox/state?account=demo`);
  const owner = state.results.find((attribute) => attribute.name === ATTRIBUTE)?.service?.name;
  if (owner !== SANDBOX_CLIENT.serviceName) {
    fail(`the sandbox has ${ATTRIBUTE} owned by ${owner ?? "nobody"}, not by the app`);
  }
  await poll("the acquire in /api/history", () => acquiredEntry(appUrl, cookie), 30_000);
  console.log(
    `acquire: signed in as demo in ${(signedInMs / 1000).toFixed(1)} s; ${ATTRIBUTE} acquired, ` +
      "owned by the app at Exist, done in /api/history",
  );
}

async function history(appUrl: string, cookieFile: string): Promise<void> {
  const cookie = readFileSync(cookieFile, "utf8");
  await poll("the earlier acquire in /api/history", () => acquiredEntry(appUrl, cookie), 30_000);
  console.log(`history: the earlier acquire of ${ATTRIBUTE} is in /api/history`);
}

function jsonLogs(logFile: string): void {
  const lines = readFileSync(logFile, "utf8").split("\n").filter(Boolean);
  const messages = lines.map((line) => {
    let entry: Record<string, unknown> | undefined;
    try {
      entry = JSON.parse(line) as Record<string, unknown>;
    } catch {
      // Reported below.
    }
    const fields = [entry?.time, entry?.level, entry?.msg];
    if (fields.some((field) => typeof field !== "string")) fail(`not a JSON log line: ${line}`);
    return String(entry?.msg);
  });
  if (!messages.some((msg) => msg.startsWith("▲ Next.js"))) fail("no start-up banner in the log");
  console.log(`json-logs: ${lines.length} lines, each a JSON object, the start-up banner included`);
}

const [command, ...args] = process.argv.slice(2);
if (command === "up" && args[0]) await up(args[0]);
else if (command === "acquire" && args[0] && args[1] && args[2]) {
  await acquire(args[0], args[1], args[2]);
} else if (command === "history" && args[0] && args[1]) await history(args[0], args[1]);
else if (command === "json-logs" && args[0]) jsonLogs(args[0]);
else
  fail(
    "usage: up <appUrl> | acquire <appUrl> <sandboxUrl> <cookieFile> | history <appUrl> " +
      "<cookieFile> | json-logs <logFile>",
  );
