/**
 * The embedded database across processes: history survives a restart; a second process on the
 * same data folder stops with a clear message while the first keeps working; a process killed
 * between the intent and Exist's answer leaves an "unknown" entry that the next load settles.
 * Each test runs its own app instance (`next start` of the test build) on a data folder of its own.
 */
import { rmSync } from "node:fs";
import { expect, httpTest as test } from "../fixtures";
import { sealSession } from "../session";
import { historyCsv, loadAttributes, postTo } from "./http";
import {
  historyReady,
  instancePort,
  startInstance,
  tempDataDir,
  type AppInstance,
} from "./instances";

const started: AppInstance[] = [];
let dataDir = "";

test.beforeEach(async () => {
  dataDir = tempDataDir();
});

test.afterEach(async () => {
  await Promise.all(started.splice(0).map((instance) => instance.stop("SIGKILL")));
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(port: number, env: Record<string, string> = {}) {
  // Embedded, whatever the developer's own environment says.
  const instance = await startInstance(port, { DATA_DIR: dataDir, DATABASE_URL: "", ...env });
  started.push(instance);
  return instance;
}

test("history survives an app restart", async ({ ownAccount: account }) => {
  test.setTimeout(240_000);
  const { cookie } = await sealSession(account);
  const first = await start(instancePort(0));
  expect(
    (await postTo(first.url, "/api/attributes/acquire", cookie, [{ name: "steps" }])).status,
  ).toBe(200);
  expect(await first.stop("SIGTERM")).not.toBe("SIGKILL");

  const again = await start(instancePort(0));
  const entries = await historyCsv(cookie, again.url);
  expect(entries.map((e) => [e.attribute, e.action, e.outcome, e.owner_after])).toEqual([
    ["steps", "acquire", "done", "this app"],
  ]);
});

test("a second process on the same data folder stops with a clear message; the first keeps working", async ({
  ownAccount: account,
}) => {
  test.setTimeout(240_000);
  const { cookie } = await sealSession(account);
  const first = await start(instancePort(0));
  await historyReady(first, cookie);
  const second = await startInstance(
    instancePort(1),
    { DATA_DIR: dataDir, DATABASE_URL: "" },
    { expectExit: true },
  );
  started.push(second);
  expect(await second.exited).toBe(1);
  expect(second.output()).toContain(
    `The embedded database in ${dataDir} is in use by another process`,
  );
  expect(second.output()).toMatch(/\(pid \d+\)/);

  expect(
    (await postTo(first.url, "/api/attributes/acquire", cookie, [{ name: "steps" }])).status,
  ).toBe(200);
  expect((await historyCsv(cookie, first.url)).length).toBe(1);
});

test("a process killed between intent and outcome leaves 'unknown', which the next load settles", async ({
  sandbox,
  ownAccount: account,
}) => {
  test.setTimeout(240_000);
  const { cookie } = await sealSession(account);
  // Exist answers after 6 s (within the 9 s timeout): time enough to kill the app first. The
  // entry may be settled from 9 + 2 s after its intent on.
  const env = { EXIST_TIMEOUT_MS: "9000" };
  const first = await start(instancePort(0), env);
  await historyReady(first, cookie);
  await sandbox.fault({ path: "/api/2/attributes/acquire/", delayMs: 6_000, times: 1 });
  await sandbox.clearRequests();
  const pending = postTo(first.url, "/api/attributes/acquire", cookie, [{ name: "steps" }]).catch(
    () => null,
  );
  await expect
    .poll(async () => (await historyCsv(cookie, first.url)).map((e) => e.outcome), {
      timeout: 20_000,
    })
    .toEqual(["unknown"]);
  await first.stop("SIGKILL");
  await pending;
  expect(await first.exited).toBe("SIGKILL");
  // Exist (the sandbox) answers the acquire after its delay, to nobody: it may or may not have
  // made the change. The next load must settle the entry by what Exist now says.
  await expect
    .poll(
      async () =>
        (await sandbox.requests()).some((request) => request.path === "/api/2/attributes/acquire/"),
      { timeout: 20_000 },
    )
    .toBe(true);
  const steps = (await sandbox.state(account)).find((attribute) => attribute.name === "steps");
  const expected =
    steps?.service?.label === "Exist Ownership"
      ? ["done", "this app"]
      : ["not_done", steps?.service?.label ?? ""];

  // The lock file of the killed process is stale: the new process takes it over.
  const again = await start(instancePort(0), env);
  await expect
    .poll(
      async () => {
        await loadAttributes(again.url, cookie);
        return (await historyCsv(cookie, again.url)).map((e) => [e.outcome, e.owner_after]);
      },
      { timeout: 40_000 },
    )
    .toEqual([expected]);
});
