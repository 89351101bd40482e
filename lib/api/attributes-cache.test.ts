import { describe, expect, it } from "vitest";
import { AttributesCache, wantsFresh } from "@/lib/api/attributes-cache";
import type { AttributesResponse } from "@/lib/api/contract";

const answer = (marker: string): AttributesResponse => ({
  attributes: [],
  writableGroups: [marker],
  manualWrite: false,
  existAttributesUrl: "https://exist.io/account/attributes/",
});

function cacheWithClock(ttlMs = 30_000) {
  const clock = { now: 0 };
  return { clock, cache: new AttributesCache(ttlMs, () => clock.now) };
}

describe("AttributesCache", () => {
  it("answers a stored entry until the window ends, then nothing", () => {
    const { clock, cache } = cacheWithClock();
    const key = AttributesCache.key("demo", ["mood_read"], "refresh-1");
    cache.set("demo", key, answer("a"), cache.generation("demo"));
    clock.now = 29_999;
    expect(cache.get(key)?.writableGroups).toEqual(["a"]);
    clock.now = 30_000;
    expect(cache.get(key)).toBeUndefined();
  });

  it("keys by session, user and granted scopes (in any order)", () => {
    const { cache } = cacheWithClock();
    const key = AttributesCache.key("demo", ["mood_read", "sleep_read"], "refresh-1");
    cache.set("demo", key, answer("a"), 0);
    expect(
      cache.get(AttributesCache.key("demo", ["sleep_read", "mood_read"], "refresh-1"))
        ?.writableGroups,
    ).toEqual(["a"]);
    expect(cache.get(AttributesCache.key("demo", ["mood_read"], "refresh-1"))).toBeUndefined();
    expect(
      cache.get(AttributesCache.key("heavy", ["mood_read", "sleep_read"], "refresh-1")),
    ).toBeUndefined();
    expect(
      cache.get(AttributesCache.key("demo", ["mood_read", "sleep_read"], "refresh-2")),
    ).toBeUndefined();
  });

  it("forgets every entry of one user and no one else's", () => {
    const { cache } = cacheWithClock();
    cache.set("demo", AttributesCache.key("demo", ["a"], "refresh-1"), answer("a"), 0);
    cache.set("demo", AttributesCache.key("demo", ["b"], "refresh-1"), answer("b"), 0);
    cache.set("demolition", AttributesCache.key("demolition", ["a"], "refresh-1"), answer("c"), 0);
    cache.forget("demo");
    expect(cache.get(AttributesCache.key("demo", ["a"], "refresh-1"))).toBeUndefined();
    expect(cache.get(AttributesCache.key("demo", ["b"], "refresh-1"))).toBeUndefined();
    expect(
      cache.get(AttributesCache.key("demolition", ["a"], "refresh-1"))?.writableGroups,
    ).toEqual(["c"]);
  });

  it("does not store an answer loaded before a change that finished after it", () => {
    const { cache } = cacheWithClock();
    const key = AttributesCache.key("demo", [], "refresh-1");
    const before = cache.generation("demo");
    cache.forget("demo"); // an acquire ended while the load was on its way
    cache.set("demo", key, answer("stale"), before);
    expect(cache.get(key)).toBeUndefined();
    cache.set("demo", key, answer("fresh"), cache.generation("demo"));
    expect(cache.get(key)?.writableGroups).toEqual(["fresh"]);
  });

  it("drops the oldest entry beyond 1000 users", () => {
    const { cache } = cacheWithClock();
    for (let user = 0; user <= 1000; user += 1) {
      cache.set(
        `u${user}`,
        AttributesCache.key(`u${user}`, [], "refresh-1"),
        answer(String(user)),
        0,
      );
    }
    expect(cache.get(AttributesCache.key("u0", [], "refresh-1"))).toBeUndefined();
    expect(cache.get(AttributesCache.key("u1", [], "refresh-1"))?.writableGroups).toEqual(["1"]);
    expect(cache.get(AttributesCache.key("u1000", [], "refresh-1"))?.writableGroups).toEqual([
      "1000",
    ]);
  });
});

describe("wantsFresh", () => {
  it.each([
    ["no-cache", true],
    ["max-age=0", true],
    ["private, No-Cache", true],
    ["max-age=60", false],
    [null, false],
  ])("Cache-Control %s → %s", (value, expected) => {
    const headers = new Headers(value === null ? {} : { "Cache-Control": value });
    expect(wantsFresh(headers)).toBe(expected);
  });
});
