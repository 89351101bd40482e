/**
 * The import's job and the person's session start from the same Exist tokens, and Exist's
 * refresh tokens are single-use: whichever refreshes first, the other adopts the new pair, so
 * there is one refresh, nobody is signed out, and the import goes on. On an extra instance whose
 * window is 20 s with 3 update/ calls of it for imports, so the import waits between windows;
 * the sandbox expires the tokens while it waits.
 */
import { expect, test } from "@playwright/test";
import { cookieOf } from "../api/http";
import { APP_PORT } from "../env";
import { startInstance, tempDataDir, type AppInstance } from "../history/instances";
import { sandbox, type SandboxRequest } from "../sandbox";
import { openCookie, sealSession, type SealedSession } from "../session";
import { UPDATE, lastDays, sandboxValues, sendTo, until, wideDraft, type Column } from "./helpers";

const PORT = APP_PORT + 64;
const WINDOW_S = 20;
const SHARE = 3;
const TOKEN_PATH = "/oauth2/access_token";
const env = (dataDir: string) => ({
  DATA_DIR: dataDir,
  EXIST_RATE_WINDOW_S: String(WINDOW_S),
  IMPORT_CALLS_PER_WINDOW: String(SHARE),
});

/** 60 days of two attributes: 120 values, 4 update/ calls, so 2 windows. */
const DAYS = lastDays(60);
const COLUMNS: Column[] = [
  { name: "water", label: "Water", valueType: 0, values: DAYS.map((_, i) => 1500 + i) },
  { name: "weight", label: "Weight", valueType: 1, values: DAYS.map((_, i) => 70 + i / 4) },
];

let session: SealedSession;
let instance: AppInstance | undefined;

test.describe.configure({ timeout: 180_000 });

test.beforeEach(async () => {
  await sandbox.reset();
  await sandbox.clearFaults();
  session = await sealSession("auckland");
});

test.afterEach(async () => {
  await instance?.stop("SIGKILL");
  instance = undefined;
});

// The person's own reads go to Exist, not to the instance's cache.
const send = (path: string, cookie: string, body?: unknown) =>
  sendTo(instance?.url ?? "", cookie, path, body, { "Cache-Control": "no-cache" });

const readImport = (id: string) => send(`/api/imports/${id}`, session.cookie).then((a) => a.body);

/** Starts the import and waits until its first window's share is used. */
async function importWaitingForItsNextWindow(): Promise<{ id: string; toWrite: number }> {
  const created = await send("/api/imports", session.cookie, wideDraft("t.csv", DAYS, COLUMNS));
  expect(created.status).toBe(201);
  const toWrite = created.body.preview.totals.new + created.body.preview.totals.replace;
  expect(created.body.preview.writeCalls).toBe(Math.ceil(toWrite / 35));
  expect(created.body.preview.writeCalls).toBeGreaterThan(SHARE);
  await sandbox.clearRequests();
  const started = await send(`/api/imports/${created.body.id}/start`, session.cookie, { tags: {} });
  expect(started.status).toBe(200);
  const waiting = await until(
    () => readImport(created.body.id),
    (response) => response.progress.waitingUntil !== null,
  );
  expect(waiting.progress.calls).toBe(SHARE);
  return { id: created.body.id, toWrite };
}

const refreshes = (requests: SandboxRequest[]) =>
  requests.filter((request) => request.method === "POST" && request.path === TOKEN_PATH);

/** Each value of the file went once, in a call Exist accepted (the sandbox's request log). */
async function expectEachValueSentOnce(toWrite: number) {
  const accepted = (await sandbox.requests(UPDATE)).filter((request) => request.status === 200);
  expect(accepted.reduce((sum, request) => sum + (request.objects ?? 0), 0)).toBe(toWrite);
  expect(accepted).toHaveLength(Math.ceil(toWrite / 35));
}

/** The sandbox holds the file's values, read with a token that works now. */
async function expectTheFileInExist(accessToken: string) {
  for (const column of COLUMNS) {
    const now = await sandboxValues(accessToken, column.name);
    expect(DAYS.map((day) => now.get(day))).toEqual(column.values);
  }
}

test("the job refreshes while the person is away; back after a restart, their old cookie adopts the job's pair", async () => {
  const dataDir = tempDataDir();
  instance = await startInstance(PORT, env(dataDir));
  const { id, toWrite } = await importWaitingForItsNextWindow();
  await sandbox.expireTokens("auckland");

  // The next window: the job's call is refused, it refreshes once and goes on to the end.
  const finished = await until(
    () => readImport(id),
    (response) => response.status === "finished",
    150_000,
  );
  expect(finished.progress.written).toBe(toWrite);
  expect(refreshes(await sandbox.requests()).map((request) => request.status)).toEqual([200]);
  await expectEachValueSentOnce(toWrite);

  // A new process: no memory of the refresh, only the database's record of it.
  await instance.stop("SIGTERM");
  instance = await startInstance(PORT, env(dataDir));
  await sandbox.clearRequests();
  // The person's cookie still holds the pair the job replaced: Exist refuses its access token,
  // and its refresh token is spent. The app adopts the job's pair instead of signing them out.
  const back = await send("/api/attributes", session.cookie);
  expect(back.status).toBe(200);
  expect(refreshes(await sandbox.requests())).toEqual([]);
  const renewed = await openCookie(back.setCookie ?? "");
  expect(renewed.refreshToken).not.toBe(session.token.refreshToken);
  expect(renewed.username).toBe("auckland");
  // The adopted pair works on its own.
  const again = await send("/api/attributes", cookieOf(back.setCookie ?? ""));
  expect(again.status).toBe(200);
  expect(refreshes(await sandbox.requests())).toEqual([]);
  await expectTheFileInExist(renewed.accessToken);
});

test("the person's session refreshes while the import waits; the job adopts the new pair", async () => {
  instance = await startInstance(PORT, env(tempDataDir()));
  const { id, toWrite } = await importWaitingForItsNextWindow();
  await sandbox.expireTokens("auckland");

  const active = await send("/api/attributes", session.cookie);
  expect(active.status).toBe(200);
  const renewed = await openCookie(active.setCookie ?? "");
  expect(refreshes(await sandbox.requests()).map((request) => request.status)).toEqual([200]);

  const finished = await until(
    () => readImport(id),
    (response) => response.status === "finished",
    150_000,
  );
  expect(finished.progress.written).toBe(toWrite);
  // Still the one refresh: the job took the session's pair rather than spend the old token.
  expect(refreshes(await sandbox.requests()).map((request) => request.status)).toEqual([200]);
  await expectEachValueSentOnce(toWrite);
  await expectTheFileInExist(renewed.accessToken);
});
