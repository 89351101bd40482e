/**
 * One import, two app instances on one PostgreSQL server (TEST_DATABASE_URL, set by .ci/run),
 * each with a 20 s window of which an import may use 3 update/ calls (EXIST_RATE_WINDOW_S,
 * IMPORT_CALLS_PER_WINDOW), so the import spans several windows and each window's run may be
 * taken by either instance's job worker. Started through one, it is written once: every value
 * in exactly one accepted update/ call (the calls' objects add up to the values to write, and
 * the sandbox then holds every one of them: a value sent twice would leave another missing), in
 * ceil(n / 35) calls of at most 35. The other instance shows the same progress, answers the
 * person's own requests meanwhile, and finishes the import alone when the one that ran it is
 * gone.
 */
import { TEST_DATABASE_URL } from "../env";
import { expect, httpTest as test, type Sandbox } from "../fixtures";
import { historyReady, instancePort, startInstance, type AppInstance } from "../history/instances";
import { sealSession, type SealedSession } from "../session";
import { UPDATE, lastDays, sandboxValues, sendTo, until, wideDraft, type Column } from "./helpers";

if (!TEST_DATABASE_URL && process.env.CI) {
  throw new Error("CI must set TEST_DATABASE_URL: .ci/run starts PostgreSQL for these tests");
}
test.skip(
  !TEST_DATABASE_URL,
  "TEST_DATABASE_URL is not set: no PostgreSQL server to share (.ci/run sets one up)",
);

const WINDOW_S = 20;
const SHARE = 3;
const env = {
  DATABASE_URL: TEST_DATABASE_URL ?? "",
  EXIST_RATE_WINDOW_S: String(WINDOW_S),
  IMPORT_CALLS_PER_WINDOW: String(SHARE),
};

let a: AppInstance;
let b: AppInstance;
let session: SealedSession;

test.describe.configure({ mode: "serial", timeout: 240_000 });

test.beforeEach(async ({ sandbox }) => {
  [a, b] = await Promise.all([
    startInstance(instancePort(0), env),
    startInstance(instancePort(1), env),
  ]);
  // A person of their own: the shared database keeps the imports of earlier runs.
  const account = `shared_${Date.now().toString(36)}`;
  await sandbox.addAccount(account, "auckland");
  session = await sealSession(account);
  await Promise.all([historyReady(a, session.cookie), historyReady(b, session.cookie)]);
});

test.afterEach(async () => {
  await Promise.all([a?.stop("SIGTERM"), b?.stop("SIGTERM")]);
});

const send = (instance: AppInstance, path: string, body?: unknown) =>
  sendTo(instance.url, session.cookie, path, body);

const read = (instance: AppInstance, id: string) =>
  send(instance, `/api/imports/${id}`).then((answer) => answer.body);

/** The runs of import `id` an instance's worker did (one log line each, worker.ts). */
const runsOf = (instance: AppInstance, id: string) =>
  instance
    .output()
    .split("\n")
    .filter((line) => line.includes(`imports: ran ${id}:`)).length;

/** `days` of water, weight and swim; swim's days that already say 1 or 0 stay unchanged. */
const columnsFor = (days: string[]): Column[] => [
  { name: "water", label: "Water", valueType: 0, values: days.map((_, i) => 3000 + i) },
  { name: "weight", label: "Weight", valueType: 1, values: days.map((_, i) => 50 + i / 4) },
  { name: "swim", label: "Swim", valueType: 7, values: days.map((_, i) => (i % 2 ? 1 : 0)) },
];

/** Creates and starts the import through `through`; answers its id and the values to write. */
async function startImport(sandbox: Sandbox, through: AppInstance, days: string[]) {
  const created = await send(
    through,
    "/api/imports",
    wideDraft("shared.csv", days, columnsFor(days)),
  );
  expect(created.status).toBe(201);
  const { totals, writeCalls } = created.body.preview;
  const toWrite = totals.new + totals.replace;
  expect(writeCalls).toBe(Math.ceil(toWrite / 35));
  // More calls than two windows hold: the import waits at least twice.
  expect(writeCalls).toBeGreaterThan(2 * SHARE);
  await sandbox.clearRequests();
  const started = await send(through, `/api/imports/${created.body.id}/start`, { tags: {} });
  expect(started.status).toBe(200);
  return { id: created.body.id, toWrite };
}

/** Every value of the file written once, in the fewest calls, none of them refused. */
async function expectWrittenOnce(sandbox: Sandbox, days: string[], toWrite: number) {
  const updates = await sandbox.requests(UPDATE);
  expect(updates.map((request) => request.status)).toEqual(updates.map(() => 200));
  expect(updates).toHaveLength(Math.ceil(toWrite / 35));
  expect(updates.every((request) => (request.objects ?? 0) <= 35)).toBe(true);
  expect(updates.reduce((sum, request) => sum + (request.objects ?? 0), 0)).toBe(toWrite);
  for (const column of columnsFor(days)) {
    const now = await sandboxValues(session.tokens.access_token, column.name);
    expect(
      days.map((day) => now.get(day)),
      column.name,
    ).toEqual(column.values);
  }
}

test("an import started through one instance is written once, the other showing it and serving the person", async ({
  sandbox,
}) => {
  const days = lastDays(120);
  const { id, toWrite } = await startImport(sandbox, a, days);

  // Waiting for the next window, read through the other instance.
  const waiting = await until(
    () => read(b, id),
    (response) => response.progress.waitingUntil !== null,
  );
  expect(waiting.status).toBe("running");
  expect(waiting.progress.written).toBe(waiting.progress.calls * 35);
  // The person's own requests through the other instance reach Exist and answer meanwhile.
  const attributes = await fetch(`${b.url}/api/attributes`, {
    headers: { Cookie: session.cookie, "Cache-Control": "no-cache" },
  });
  expect(attributes.status).toBe(200);
  expect((await fetch(`${b.url}/api/values`, { headers: { Cookie: session.cookie } })).status).toBe(
    200,
  );

  const finished = await until(
    () => read(b, id),
    (response) => response.status === "finished",
    200_000,
  );
  expect(finished.progress).toMatchObject({
    total: toWrite,
    written: toWrite,
    calls: Math.ceil(toWrite / 35),
    refused: 0,
    waitingUntil: null,
  });
  // Both instances tell the same import.
  const throughA = await read(a, id);
  expect({ ...throughA.progress, report: throughA.report }).toEqual({
    ...finished.progress,
    report: finished.report,
  });
  await expectWrittenOnce(sandbox, days, toWrite);

  // Which instance's worker ran which window is pg-boss's choice: recorded, not required.
  const runs = { a: runsOf(a, id), b: runsOf(b, id) };
  test.info().annotations.push({ type: "runs", description: JSON.stringify(runs) });
  expect(runs.a + runs.b).toBeGreaterThanOrEqual(3);
});

test("when the instance that ran the import is gone, the other finishes it, writing each value once", async ({
  sandbox,
}) => {
  const days = lastDays(90);
  const { id, toWrite } = await startImport(sandbox, a, days);
  const waiting = await until(
    () => read(b, id),
    (response) => response.progress.waitingUntil !== null,
  );
  expect(waiting.progress.calls).toBeGreaterThan(0);
  // The run that just ended logs its line on the instance that did it: that one goes.
  await expect.poll(() => runsOf(a, id) + runsOf(b, id)).toBeGreaterThan(0);
  const [gone, left] = runsOf(a, id) > 0 ? [a, b] : [b, a];
  await gone.stop("SIGKILL");

  const finished = await until(
    () => read(left, id),
    (response) => response.status === "finished",
    200_000,
  );
  expect(finished.progress).toMatchObject({ written: toWrite, calls: Math.ceil(toWrite / 35) });
  expect(runsOf(left, id)).toBeGreaterThan(0);
  await expectWrittenOnce(sandbox, days, toWrite);
});
