/**
 * The import's pace and durability, on an extra app instance whose window is 20 s with 3
 * update/ calls of it for imports (EXIST_RATE_WINDOW_S, IMPORT_CALLS_PER_WINDOW): an import of
 * 8 calls waits for two windows, says until when, and finishes; Exist's 429 makes it wait for the
 * next window; killed (SIGKILL) while it waits and started again, it finishes with every value
 * written once (the sandbox's request log).
 */
import { expect, test } from "@playwright/test";
import { APP_PORT } from "../env";
import { startInstance, tempDataDir, type AppInstance } from "../history/instances";
import { sandbox } from "../sandbox";
import { sealSession, type SealedSession } from "../session";
import { UPDATE, lastDays, sandboxValues, sendTo, until, wideDraft, type Column } from "./helpers";

const PORT = APP_PORT + 60;
const WINDOW_S = 20;
const SHARE = 3;
const env = (dataDir: string) => ({
  DATA_DIR: dataDir,
  EXIST_RATE_WINDOW_S: String(WINDOW_S),
  IMPORT_CALLS_PER_WINDOW: String(SHARE),
});

let session: SealedSession;
let instance: AppInstance | undefined;

test.beforeEach(async () => {
  await sandbox.reset();
  await sandbox.clearFaults();
  session = await sealSession("auckland");
});

test.afterEach(async () => {
  await instance?.stop("SIGKILL");
  instance = undefined;
  await sandbox.clearFaults();
});

const send = (path: string, body?: unknown) =>
  sendTo(instance?.url ?? "", session.cookie, path, body);

/** 90 days of three attributes: 270 values, some already in the sandbox; 8 update/ calls. */
const DAYS = lastDays(90);
const COLUMNS: Column[] = [
  { name: "water", label: "Water", valueType: 0, values: DAYS.map((_, i) => 2000 + i) },
  { name: "weight", label: "Weight", valueType: 1, values: DAYS.map((_, i) => 60 + i / 4) },
  { name: "swim", label: "Swim", valueType: 7, values: DAYS.map((_, i) => (i % 3 ? 1 : 0)) },
];
/** Values to write: the file's, but for those the sandbox already holds (the preview's count). */
let toWrite = 0;

async function startImport(): Promise<string> {
  const created = await send("/api/imports", wideDraft("paced.csv", DAYS, COLUMNS));
  expect(created.status).toBe(201);
  expect(created.body.preview).toMatchObject({
    writeCalls: 8,
    callsPerWindow: SHARE,
    windowSeconds: WINDOW_S,
  });
  toWrite = created.body.preview.totals.new + created.body.preview.totals.replace;
  expect(toWrite).toBeGreaterThan(7 * 35);
  await sandbox.clearRequests();
  expect((await send(`/api/imports/${created.body.id}/start`, { tags: {} })).status).toBe(200);
  return created.body.id;
}

async function expectWrittenOnce(accepted: number) {
  const updates = (await sandbox.requests(UPDATE)).filter((request) => request.status === 200);
  expect(updates).toHaveLength(accepted);
  expect(updates.every((request) => (request.objects ?? 0) <= 35)).toBe(true);
  expect(updates.reduce((sum, request) => sum + (request.objects ?? 0), 0)).toBe(toWrite);
  for (const column of COLUMNS) {
    const now = await sandboxValues(session.tokens.access_token, column.name);
    expect(DAYS.map((day) => now.get(day))).toEqual(column.values);
  }
}

test("an import needing 3 windows waits for the next one, says until when, and finishes; a 429 waits too", async () => {
  test.setTimeout(180_000);
  instance = await startInstance(PORT, env(tempDataDir()));
  // Exist's limit is reached at the first call: the import waits for the next window.
  await sandbox.fault({ path: UPDATE, status: 429, times: 1 });
  const id = await startImport();
  const waiting = await until(
    () => send(`/api/imports/${id}`).then((answer) => answer.body),
    (response) => response.progress.waitingUntil !== null,
  );
  const until1 = Date.parse(waiting.progress.waitingUntil ?? "");
  expect(until1 % (WINDOW_S * 1000)).toBe(0);
  expect(waiting.status).toBe("running");
  // The person's own use goes on while the import waits.
  expect((await send("/api/attributes")).status).toBe(200);
  const finished = await until(
    () => send(`/api/imports/${id}`).then((answer) => answer.body),
    (response) => response.status === "finished",
    150_000,
  );
  expect(finished.progress).toMatchObject({ written: toWrite, calls: 8, waitingUntil: null });
  const statuses = (await sandbox.requests(UPDATE)).map((request) => request.status);
  expect(statuses).toEqual([429, 200, 200, 200, 200, 200, 200, 200, 200]);
  await expectWrittenOnce(8);
});

test("killed while it waits for a window and started again, the import finishes: none missing, none twice", async () => {
  test.setTimeout(180_000);
  const dataDir = tempDataDir();
  instance = await startInstance(PORT, env(dataDir));
  const id = await startImport();
  const waiting = await until(
    () => send(`/api/imports/${id}`).then((answer) => answer.body),
    (response) => response.progress.waitingUntil !== null,
  );
  expect(waiting.progress.written).toBe(waiting.progress.calls * 35);
  await instance.stop("SIGKILL");
  instance = await startInstance(PORT, env(dataDir));
  const finished = await until(
    () => send(`/api/imports/${id}`).then((answer) => answer.body),
    (response) => response.status === "finished",
    150_000,
  );
  expect(finished.progress).toMatchObject({ written: toWrite, calls: 8 });
  await expectWrittenOnce(8);
});
