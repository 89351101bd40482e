/**
 * The orchestrator's probes: GET /api/health (liveness) and GET /api/ready (readiness), with no
 * session and past the page guard. Readiness while shutting down: drain.spec.ts.
 */
import { APP_URL, TEST_DATABASE_URL } from "../env";
import { expect, httpTest as test } from "../fixtures";
import { startTcpProxy } from "../history/tcp-proxy";
import { instancePort, startInstance, type AppInstance } from "../history/instances";

const probe = (url: string, cookie?: string) =>
  fetch(url, { redirect: "manual", headers: cookie ? { Cookie: cookie } : {} });

for (const [what, cookie] of [
  ["no session", undefined],
  ["a cookie that does not decrypt", "next-auth.session-token=not-a-session"],
] as const) {
  test(`with ${what}, /api/health and /api/ready answer 200 and ask Exist nothing`, async ({
    sandbox,
  }) => {
    const health = await probe(`${APP_URL}/api/health`, cookie);
    expect(health.status).toBe(200);
    expect(health.headers.get("cache-control")).toBe("no-store");
    expect(await health.json()).toEqual({ status: "ok" });

    const ready = await probe(`${APP_URL}/api/ready`, cookie);
    expect(ready.status).toBe(200);
    expect(ready.headers.get("cache-control")).toBe("no-store");
    expect(await ready.json()).toEqual({
      status: "ready",
      database: { kind: "embedded", state: "up" },
    });
    expect(await sandbox.requests()).toEqual([]);
  });
}

test("the probes serve GET only", async () => {
  const response = await fetch(`${APP_URL}/api/ready`, {
    method: "POST",
    headers: { Origin: APP_URL },
  });
  expect(response.status).toBe(405);
  expect(response.headers.get("allow")).toBe("GET");
});

test.describe("with the database gone", () => {
  test.skip(
    !TEST_DATABASE_URL,
    "TEST_DATABASE_URL is not set: no PostgreSQL server to take away (.ci/run sets one up)",
  );

  let instance: AppInstance | undefined;
  test.afterEach(async () => {
    await instance?.stop("SIGKILL");
  });

  test("the app stays ready and says the database is down; liveness answers at once", async () => {
    test.setTimeout(120_000);
    const target = new URL(TEST_DATABASE_URL ?? "");
    const proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
    try {
      target.hostname = "127.0.0.1";
      target.port = String(proxy.port);
      instance = await startInstance(instancePort(0), { DATABASE_URL: target.toString() });
      const ready = await probe(`${instance.url}/api/ready`);
      expect(await ready.json()).toEqual({
        status: "ready",
        database: { kind: "server", state: "up" },
      });

      proxy.cut();
      const started = Date.now();
      const down = await probe(`${instance.url}/api/ready`);
      expect(down.status).toBe(200);
      expect(await down.json()).toEqual({
        status: "ready",
        database: { kind: "server", state: "down" },
      });
      // The ping gives up after a second, though the pool would wait five.
      expect(Date.now() - started).toBeLessThan(3_000);

      const before = Date.now();
      expect((await probe(`${instance.url}/api/health`)).status).toBe(200);
      expect(Date.now() - before).toBeLessThan(500);
    } finally {
      await proxy.close();
    }
  });
});
