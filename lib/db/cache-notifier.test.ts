/**
 * The cache notifiers: the in-process one, and PostgreSQL's LISTEN/NOTIFY on the server named by
 * TEST_DATABASE_URL when it is set (CI sets it), where two notifiers stand for two instances.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Pool } from "pg";
import {
  CACHE_CHANNEL,
  CHANGES_PER_MESSAGE,
  InProcessNotifier,
  parseMessage,
  PostgresNotifier,
  userDigest,
  type CacheMessage,
} from "@/lib/db/cache-notifier";

describe("cache messages", () => {
  it("name a user by a digest, never the username", () => {
    const digest = userDigest("someone@example.com");
    expect(digest).toMatch(/^[\w-]{22}$/);
    expect(digest).not.toContain("someone");
    expect(userDigest("someone@example.com")).toBe(digest);
    expect(userDigest("someone-else")).not.toBe(digest);
  });

  it("stay under PostgreSQL's 8000-byte payload limit when full", () => {
    const message: CacheMessage = {
      origin: crypto.randomUUID(),
      changes: Array.from({ length: CHANGES_PER_MESSAGE }, (_, index) => ({
        kind: "attributes" as const,
        user: userDigest(`user-${index}`),
      })),
    };
    expect(Buffer.byteLength(JSON.stringify(message))).toBeLessThan(8000);
    expect(parseMessage(JSON.stringify(message))).toEqual(message);
  });

  it("from another version or anyone else are ignored when they are not ours", () => {
    expect(parseMessage("not json")).toBeUndefined();
    expect(parseMessage(JSON.stringify({ origin: "x", changes: [{ kind: "tokens" }] }))).toBe(
      undefined,
    );
    expect(parseMessage(JSON.stringify({ changes: [] }))).toBeUndefined();
  });

  it("stay in the process with the embedded database", async () => {
    const notifier = new InProcessNotifier();
    const heard: CacheMessage[] = [];
    notifier.onMessage((message) => heard.push(message));
    const message: CacheMessage = { origin: "a", changes: [{ kind: "values", user: "u" }] };
    await notifier.publish(message);
    expect(heard).toEqual([message]);
    expect(notifier.connected()).toBe(true);
  });
});

const serverUrl = process.env.TEST_DATABASE_URL;
if (!serverUrl && process.env.CI) throw new Error("CI must set TEST_DATABASE_URL for these tests");

/** Resolves with the first value `poll` returns that is not undefined, or throws after `ms`. */
async function eventually<T>(poll: () => T | undefined, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = poll();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.skipIf(!serverUrl)("LISTEN/NOTIFY between two instances (PostgreSQL server)", () => {
  const opened: Array<{ close(): Promise<unknown> }> = [];
  let pool: Pool;

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((item) => item.close()));
  });

  async function instance(name: string, logs: string[] = []) {
    if (!pool) {
      const { Pool } = await import("pg");
      pool = new Pool({ connectionString: serverUrl, max: 2 });
      opened.push({ close: () => pool.end().then(() => (pool = undefined as unknown as Pool)) });
    }
    const applicationName = `${name}-${process.pid}-${Date.now()}`;
    const notifier = new PostgresNotifier({
      url: serverUrl ?? "",
      name: applicationName,
      notify: async (channel, payload) => {
        await pool.query("select pg_notify($1, $2)", [channel, payload]);
      },
      backoffMs: 50,
      maxBackoffMs: 200,
      log: (line) => logs.push(line),
    });
    opened.unshift(notifier);
    const heard: CacheMessage[] = [];
    const states: boolean[] = [];
    notifier.onMessage((message) => heard.push(message));
    notifier.onConnectionChange((connected) => states.push(connected));
    await notifier.start();
    return { notifier, heard, states, name: applicationName };
  }

  it("a change published through one is heard by the other", async () => {
    const a = await instance("a");
    const b = await instance("b");
    expect(b.notifier.connected()).toBe(true);
    const message: CacheMessage = {
      origin: "instance-a",
      changes: [{ kind: "attributes", user: userDigest("demo") }],
    };
    await a.notifier.publish(message);
    expect(await eventually(() => b.heard[0])).toEqual(message);
    // Its own listener hears it too: the caches skip their own origin (lib/api/cache-sync.ts).
    expect(await eventually(() => a.heard[0])).toEqual(message);
  });

  it("ignores other notifications on the same connection's channel", async () => {
    const b = await instance("b");
    await pool.query("select pg_notify($1, $2)", [CACHE_CHANNEL, "not a message"]);
    await pool.query("select pg_notify($1, $2)", [
      CACHE_CHANNEL,
      JSON.stringify({ origin: "x", changes: [] }),
    ]);
    expect(await eventually(() => b.heard[0])).toEqual({ origin: "x", changes: [] });
    expect(b.heard).toHaveLength(1);
  });

  it("listens again after its connection is killed, saying it was down meanwhile", async () => {
    const a = await instance("a");
    const logs: string[] = [];
    const b = await instance("b", logs);
    const { rows } = await pool.query<{ killed: boolean }>(
      "select pg_terminate_backend(pid) as killed from pg_stat_activity where application_name = $1",
      [b.name],
    );
    expect(rows).toEqual([{ killed: true }]);
    // Connected at start, then down, then back.
    await eventually(() => (b.states.length === 3 ? true : undefined));
    expect(b.states).toEqual([true, false, true]);
    expect(b.notifier.connected()).toBe(true);
    expect(logs.join("\n")).toMatch(/lost .*\n.*listening again/);

    const message: CacheMessage = { origin: "a", changes: [{ kind: "values", user: "u" }] };
    await a.notifier.publish(message);
    expect(await eventually(() => b.heard[0])).toEqual(message);
  });

  it("retries with backoff while the server cannot be reached, and stops when closed", async () => {
    const url = new URL(serverUrl ?? "");
    url.port = "1"; // nothing listens there
    const logs: string[] = [];
    const notifier = new PostgresNotifier({
      url: url.toString(),
      notify: async () => {},
      backoffMs: 20,
      maxBackoffMs: 40,
      log: (line) => logs.push(line),
    });
    await notifier.start();
    expect(notifier.connected()).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(notifier["attempt"]).toBeGreaterThan(2);
    // One line for the outage, not one per attempt.
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/cannot listen/);
    await notifier.close();
    const attempts = notifier["attempt"];
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(notifier["attempt"]).toBe(attempts);
  });
});
