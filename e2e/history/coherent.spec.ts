/**
 * Two app instances on one PostgreSQL server (TEST_DATABASE_URL, set by .ci/run), each with its
 * own attributes and values caches: a change made through one is shown by the other on the next
 * load, from its cache's point of view too (no `Cache-Control: no-cache`), because the first
 * announces it through LISTEN/NOTIFY (lib/api/cache-sync.ts).
 */
import type { AttributesResponse, ValuesResponse } from "../../lib/api/contract";
import { TEST_DATABASE_URL } from "../env";
import { expect, httpTest as test } from "../fixtures";
import { sealSession } from "../session";
import { postTo } from "./http";
import { historyReady, instancePort, startInstance, type AppInstance } from "./instances";

if (!TEST_DATABASE_URL && process.env.CI) {
  throw new Error("CI must set TEST_DATABASE_URL: .ci/run starts PostgreSQL for these tests");
}
test.skip(
  !TEST_DATABASE_URL,
  "TEST_DATABASE_URL is not set: no PostgreSQL server to share (.ci/run sets one up)",
);

const databaseUrl = TEST_DATABASE_URL ?? "";
let a: AppInstance;
let b: AppInstance;

test.describe.configure({ mode: "serial", timeout: 180_000 });

test.beforeAll(async () => {
  [a, b] = await Promise.all([
    startInstance(instancePort(0), { DATABASE_URL: databaseUrl }),
    startInstance(instancePort(1), { DATABASE_URL: databaseUrl }),
  ]);
});

test.afterAll(async () => {
  await Promise.all([a?.stop("SIGTERM"), b?.stop("SIGTERM")]);
  // The listener's connection closed before the database: no error at shutdown.
  for (const instance of [a, b])
    expect(instance?.output() ?? "").not.toMatch(/cache listener: lost/);
});

/** A plain load, as the page makes it: the instance's cache answers when it holds the user. */
async function get<T>(instance: AppInstance, path: string, cookie: string): Promise<T> {
  const response = await fetch(`${instance.url}${path}`, { headers: { Cookie: cookie } });
  expect(response.status, `GET ${path} through ${instance.url}`).toBe(200);
  return (await response.json()) as T;
}

const owned = (answer: AttributesResponse, name: string) =>
  answer.attributes.find((attribute) => attribute.name === name)?.ownedByApp;

/** The person's today in Auckland, whatever this machine's zone. */
const aucklandToday = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Pacific/Auckland" }).format(new Date());

test("an acquire through one instance is shown by the other on its next load", async ({
  sandbox,
  ownAccount: account,
}) => {
  const { cookie } = await sealSession(account);
  await Promise.all([historyReady(a, cookie), historyReady(b, cookie)]);

  expect(owned(await get(b, "/api/attributes", cookie), "steps")).toBe(false);
  // B answers from its cache from now on: Exist is not asked again.
  await sandbox.clearRequests();
  expect(owned(await get(b, "/api/attributes", cookie), "steps")).toBe(false);
  expect(await sandbox.requests("/api/2/attributes/")).toEqual([]);

  const acquired = await postTo(a.url, "/api/attributes/acquire", cookie, [{ name: "steps" }]);
  expect(acquired.status).toBe(200);

  await sandbox.clearRequests();
  expect(owned(await get(b, "/api/attributes", cookie), "steps")).toBe(true);
  // Read from Exist again, B's entry having been dropped.
  expect((await sandbox.requests("/api/2/attributes/owned/")).length).toBe(1);

  const released = await postTo(b.url, "/api/attributes/release", cookie, [{ name: "steps" }]);
  expect(released.status).toBe(200);
  expect(owned(await get(a, "/api/attributes", cookie), "steps")).toBe(false);
});

test("a value written through one instance reads back through the other's values", async ({
  sandbox,
}) => {
  const account = `auckland_${Date.now().toString(36)}`;
  await sandbox.addAccount(account, "auckland");
  const { cookie } = await sealSession(account);
  const today = aucklandToday();

  const before = await get<ValuesResponse>(b, "/api/values", cookie);
  expect(before.days.at(-1)).toBe(today);
  expect(before.values.water?.series.at(-1)).not.toBe(1234);
  await sandbox.clearRequests();
  await get<ValuesResponse>(b, "/api/values", cookie);
  expect(await sandbox.requests("/api/2/attributes/with-values/")).toEqual([]);

  const written = await postTo(a.url, "/api/values/update", cookie, [
    { name: "water", date: today, value: 1234 },
  ]);
  expect(written.status).toBe(200);
  expect(written.body).toEqual({
    success: [{ name: "water", date: today, value: 1234 }],
    failed: [],
  });

  const after = await get<ValuesResponse>(b, "/api/values", cookie);
  expect(after.values.water?.latest).toEqual({ date: today, value: 1234 });
  expect(after.values.water?.series.at(-1)).toBe(1234);
});
