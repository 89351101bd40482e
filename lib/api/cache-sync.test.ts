/**
 * Caches kept coherent across instances: each `CacheSync` stands for one instance, with its own
 * attributes and values caches; they share a bus (the in-process notifier), or, with
 * TEST_DATABASE_URL set (CI sets it), PostgreSQL's LISTEN/NOTIFY.
 */
import { afterEach, describe, expect, it } from "vitest";
import { AttributesCache } from "@/lib/api/attributes-cache";
import { ANNOUNCE_WAIT_MS, CacheSync, STALE_TTL_MS } from "@/lib/api/cache-sync";
import type { AttributesResponse } from "@/lib/api/contract";
import {
  InProcessNotifier,
  PostgresNotifier,
  type CacheMessage,
  type CacheNotifier,
} from "@/lib/db/cache-notifier";

const answer = (marker: string): AttributesResponse => ({
  attributes: [],
  writableGroups: [marker],
  manualWrite: false,
  existAttributesUrl: "https://exist.io/account/attributes/",
});

const SCOPES = ["mood_read"];
const stopped: CacheSync[] = [];

afterEach(async () => {
  await Promise.all(stopped.splice(0).map((sync) => sync.stop()));
});

/** One instance: its sync and its two caches, on `notifier`. */
function instance(notifier: CacheNotifier, clock = { now: 0 }) {
  const sync = new CacheSync();
  const now = () => clock.now;
  const attributes = new AttributesCache(30_000, now, { kind: "attributes", sync });
  const values = new AttributesCache(7_200_000, now, { kind: "values", sync });
  sync.use(notifier);
  stopped.push(sync);
  return { sync, attributes, values, clock };
}

/** Stores `marker` for `username` in `cache`, as a load from Exist does. */
function load(cache: AttributesCache, username: string, marker: string): string {
  const key = AttributesCache.userKey(username, SCOPES);
  cache.set(username, key, answer(marker), cache.generation(username));
  return key;
}

const cached = (cache: AttributesCache, username: string) =>
  cache.get(AttributesCache.userKey(username, SCOPES))?.writableGroups[0];

/** A notifier whose connection the test controls; what it publishes is kept. */
class TestNotifier implements CacheNotifier {
  published: CacheMessage[] = [];
  up = true;
  hold: Promise<void> | undefined;
  private onChange: Array<(connected: boolean) => void> = [];
  async publish(message: CacheMessage) {
    this.published.push(message);
    await this.hold;
  }
  onMessage() {}
  onConnectionChange(handler: (connected: boolean) => void) {
    this.onChange.push(handler);
  }
  connected() {
    return this.up;
  }
  setConnected(up: boolean) {
    this.up = up;
    for (const handler of this.onChange) handler(up);
  }
  async close() {}
}

describe("caches across instances", () => {
  it("a change through one drops that user's entries in the other, and only those", async () => {
    const bus = new InProcessNotifier();
    const a = instance(bus);
    const b = instance(bus);
    load(a.attributes, "demo", "a-before");
    load(b.attributes, "demo", "b-old");
    load(b.attributes, "heavy", "b-heavy");
    load(b.values, "demo", "b-values");

    a.attributes.update("demo", () => answer("a-after"));
    await a.sync.changesAnnounced();

    expect(cached(b.attributes, "demo")).toBeUndefined();
    expect(cached(b.attributes, "heavy")).toBe("b-heavy");
    expect(cached(b.values, "demo")).toBe("b-values");
    // The instance that made the change keeps what Exist answered it.
    expect(cached(a.attributes, "demo")).toBe("a-after");
  });

  it("a value written through one drops the other's cached values of that user", async () => {
    const bus = new InProcessNotifier();
    const a = instance(bus);
    const b = instance(bus);
    load(b.values, "demo", "b-values");
    load(b.attributes, "demo", "b-attributes");
    a.values.update("demo", (old) => old);
    await a.sync.changesAnnounced();
    expect(cached(b.values, "demo")).toBeUndefined();
    expect(cached(b.attributes, "demo")).toBe("b-attributes");
  });

  it("a load that began before the other's change is not stored after it", async () => {
    const bus = new InProcessNotifier();
    const a = instance(bus);
    const b = instance(bus);
    const generation = b.attributes.generation("demo");
    a.attributes.forget("demo");
    await a.sync.changesAnnounced();
    b.attributes.set("demo", AttributesCache.userKey("demo", SCOPES), answer("stale"), generation);
    expect(cached(b.attributes, "demo")).toBeUndefined();
  });

  it("announces the changes of one tick in one message naming no one", async () => {
    const notifier = new TestNotifier();
    const a = instance(notifier);
    a.attributes.update("demo", (old) => old);
    a.attributes.forget("demo");
    a.values.forget("demo");
    a.attributes.forget("heavy");
    await a.sync.changesAnnounced();
    expect(notifier.published).toHaveLength(1);
    const [message] = notifier.published;
    expect(message?.origin).toBe(a.sync.origin);
    expect(message?.changes.map((change) => change.kind)).toEqual([
      "attributes",
      "values",
      "attributes",
    ]);
    expect(JSON.stringify(message)).not.toMatch(/demo|heavy/);
  });

  it("an answer waits for its announcement, ANNOUNCE_WAIT_MS at most", async () => {
    const notifier = new TestNotifier();
    const a = instance(notifier);
    let release = () => {};
    notifier.hold = new Promise<void>((resolve) => (release = resolve));
    a.attributes.forget("demo");
    let done = false;
    const waiting = a.sync.changesAnnounced().then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(done).toBe(false);
    release();
    await waiting;

    notifier.hold = new Promise<void>(() => {});
    a.attributes.forget("demo");
    const started = Date.now();
    await a.sync.changesAnnounced();
    expect(Date.now() - started).toBeGreaterThanOrEqual(ANNOUNCE_WAIT_MS - 5);
    expect(Date.now() - started).toBeLessThan(ANNOUNCE_WAIT_MS + 500);

    // With the listener down, the server is likely unreachable: no answer waits for it.
    notifier.up = false;
    a.attributes.forget("demo");
    const again = Date.now();
    await a.sync.changesAnnounced();
    expect(Date.now() - again).toBeLessThan(50);
  });

  it("while the listener is down, entries are dropped and then live a few seconds at most", () => {
    const notifier = new TestNotifier();
    const a = instance(notifier);
    load(a.attributes, "demo", "before");
    load(a.values, "demo", "values-before");

    notifier.setConnected(false);
    expect(cached(a.attributes, "demo")).toBeUndefined();
    expect(cached(a.values, "demo")).toBeUndefined();

    load(a.values, "demo", "while-down");
    a.clock.now = STALE_TTL_MS - 1;
    expect(cached(a.values, "demo")).toBe("while-down");
    a.clock.now = STALE_TTL_MS;
    expect(cached(a.values, "demo")).toBeUndefined();

    // Back: what was stored meanwhile may have missed a change, and goes too.
    load(a.values, "demo", "while-down-2");
    notifier.setConnected(true);
    expect(cached(a.values, "demo")).toBeUndefined();
    load(a.values, "demo", "after");
    a.clock.now += STALE_TTL_MS * 10;
    expect(cached(a.values, "demo")).toBe("after");
  });

  it("a load that began before the listener dropped is not stored after it", () => {
    const notifier = new TestNotifier();
    const a = instance(notifier);
    const generation = a.attributes.generation("demo");
    notifier.setConnected(false);
    notifier.setConnected(true);
    a.attributes.set("demo", AttributesCache.userKey("demo", SCOPES), answer("x"), generation);
    expect(cached(a.attributes, "demo")).toBeUndefined();
  });
});

const serverUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!serverUrl)("caches across instances (PostgreSQL server)", () => {
  it("an acquire through one drops the other's cached list, through LISTEN/NOTIFY", async () => {
    const { Pool } = await import("pg");
    const pool = new Pool({ connectionString: serverUrl, max: 2 });
    try {
      const notifier = () =>
        new PostgresNotifier({
          url: serverUrl ?? "",
          notify: async (channel, payload) => {
            await pool.query("select pg_notify($1, $2)", [channel, payload]);
          },
        });
      const [first, second] = [notifier(), notifier()];
      await Promise.all([first.start(), second.start()]);
      const a = instance(first);
      const b = instance(second);
      load(b.attributes, "demo", "b-old");
      load(b.attributes, "heavy", "b-heavy");

      a.attributes.update("demo", (old) => old);
      await a.sync.changesAnnounced();

      const deadline = Date.now() + 5_000;
      while (cached(b.attributes, "demo") !== undefined && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(cached(b.attributes, "demo")).toBeUndefined();
      expect(cached(b.attributes, "heavy")).toBe("b-heavy");
    } finally {
      await Promise.all(stopped.splice(0).map((sync) => sync.stop()));
      await pool.end();
    }
  }, 15_000);
});
