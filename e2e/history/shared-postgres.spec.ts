/**
 * Several app instances sharing one PostgreSQL server (TEST_DATABASE_URL, set by .ci/run):
 * changes through both are all recorded once; concurrent refreshes of one expired token across
 * both instances reach Exist once; with the database gone, ownership changes still work.
 */
import { TEST_DATABASE_URL } from "../env";
import { expect, test } from "../fixtures";
import { sealSession } from "../session";
import { DEMO_ATTRIBUTES, historyCsv, loadAttributes, postTo } from "./http";
import { historyReady, instancePort, startInstance, type AppInstance } from "./instances";
import { startTcpProxy, type TcpProxy } from "./tcp-proxy";

if (!TEST_DATABASE_URL && process.env.CI) {
  throw new Error("CI must set TEST_DATABASE_URL: .ci/run starts PostgreSQL for these tests");
}
test.skip(
  !TEST_DATABASE_URL,
  "TEST_DATABASE_URL is not set: no PostgreSQL server to share (.ci/run sets one up)",
);

const databaseUrl = TEST_DATABASE_URL ?? "";
const started: AppInstance[] = [];

test.describe.configure({ timeout: 180_000 });

test.afterEach(async () => {
  await Promise.all(started.splice(0).map((instance) => instance.stop("SIGTERM")));
});

async function twoInstances(env: Record<string, string> = {}) {
  const both = await Promise.all([
    startInstance(instancePort(0), { DATABASE_URL: databaseUrl, ...env }),
    startInstance(instancePort(1), { DATABASE_URL: databaseUrl, ...env }),
  ]);
  started.push(...both);
  return both;
}

test("changes made through two instances are all recorded, none lost or doubled", async ({
  ownAccount: account,
}) => {
  const [a, b] = await twoInstances();
  const { cookie } = await sealSession(account);
  await Promise.all([historyReady(a, cookie), historyReady(b, cookie)]);
  const names = DEMO_ATTRIBUTES;
  const answers = await Promise.all(
    names.map((name, index) =>
      postTo(index % 2 ? b.url : a.url, "/api/attributes/acquire", cookie, [{ name }]),
    ),
  );
  expect(answers.map((answer) => answer.status)).toEqual(names.map(() => 200));
  const entries = await historyCsv(cookie, a.url);
  expect(entries.map((entry) => entry.attribute).sort()).toEqual([...names].sort());
  expect(entries.every((entry) => entry.outcome === "done")).toBe(true);
  expect(await historyCsv(cookie, b.url)).toEqual(entries);
});

test("10 concurrent requests with an expired token, across two instances, refresh once", async ({
  sandbox,
  ownAccount: account,
}) => {
  const [a, b] = await twoInstances();
  const { cookie } = await sealSession(account, { expiresAt: Math.floor(Date.now() / 1000) - 60 });
  await sandbox.clearRequests();
  const answers = await Promise.all(
    Array.from({ length: 10 }, (_, index) => loadAttributes(index % 2 ? b.url : a.url, cookie)),
  );
  expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(200));
  const grants = (await sandbox.requests()).filter(
    (request) => request.method === "POST" && request.path === "/oauth2/access_token",
  );
  expect(grants).toHaveLength(1);
  expect(grants[0]?.status).toBe(200);
});

test("with the database gone, acquire and release work and the page says history is unavailable", async ({
  page,
  ownAccount: account,
}) => {
  const target = new URL(databaseUrl);
  const proxy: TcpProxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
  try {
    target.hostname = "127.0.0.1";
    target.port = String(proxy.port);
    const instance = await startInstance(instancePort(0), { DATABASE_URL: target.toString() });
    started.push(instance);
    const { cookie } = await sealSession(account);
    expect(
      (await postTo(instance.url, "/api/attributes/acquire", cookie, [{ name: "steps" }])).status,
    ).toBe(200);

    proxy.cut();
    expect(
      (await postTo(instance.url, "/api/attributes/release", cookie, [{ name: "steps" }])).status,
    ).toBe(200);
    expect(
      (await postTo(instance.url, "/api/attributes/acquire", cookie, [{ name: "sleep" }])).status,
    ).toBe(200);
    expect((await loadAttributes(instance.url, cookie)).status).toBe(200);
    const history = await fetch(`${instance.url}/api/history`, { headers: { Cookie: cookie } });
    expect(history.status).toBe(503);

    const [name = "", ...value] = cookie.split("=");
    await page.context().addCookies([{ name, value: value.join("="), url: instance.url }]);
    await page.goto(`${instance.url}/attributes`);
    await expect(page.getByText("History is unavailable right now.")).toBeVisible();
    await expect(page.getByRole("switch", { name: "Time asleep", exact: true })).toBeChecked();
    await page.goto(`${instance.url}/history`);
    await expect(page.getByText("History is unavailable right now.")).toBeVisible();

    const lines = instance
      .output()
      .split("\n")
      .filter((line) => line.includes("history: database unavailable"));
    expect(lines).toHaveLength(1);
    expect(instance.output()).not.toContain(cookie);
  } finally {
    await proxy.close();
  }
});
