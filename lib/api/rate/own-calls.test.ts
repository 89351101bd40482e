import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { allWritesDone } from "@/lib/api/history/store";
import { countOwnCalls, flushOwnCalls, OWN_CALLS_FLUSH_MS } from "@/lib/api/rate/own-calls";

const written = vi.hoisted(() => [] as Array<{ username: string; count: number; at: string }>);
vi.mock("@/lib/api/rate/call-budget", () => ({
  recordOwnCalls: async (_db: unknown, username: string, count: number, when: { now: Date }) =>
    void written.push({ username, count, at: when.now.toISOString() }),
}));
vi.mock("@/lib/db/database", () => ({ database: async () => ({ db: {} }) }));
vi.mock("@/lib/api/rate/window", () => ({
  configuredLimits: () => ({ windowSeconds: 3600 }),
  windowAt: (now: Date) => ({ start: new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000) }),
}));

beforeEach(() => {
  vi.useFakeTimers();
  written.length = 0;
});
afterEach(() => vi.useRealTimers());

const at = (time: string) => new Date(`2026-12-02T${time}Z`);

describe("countOwnCalls: the person's calls, written once a second", () => {
  it("sums a second's requests into one write per person", async () => {
    countOwnCalls("ann", 2, at("10:00:00"));
    countOwnCalls("ann", 1, at("10:00:00.400"));
    countOwnCalls("bob", 3, at("10:00:00.500"));
    await vi.advanceTimersByTimeAsync(OWN_CALLS_FLUSH_MS - 1);
    expect(written).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(written).toEqual([
      { username: "ann", count: 3, at: "2026-12-02T10:00:00.000Z" },
      { username: "bob", count: 3, at: "2026-12-02T10:00:00.500Z" },
    ]);
  });

  it("writes a window's count to that window when the next one begins", async () => {
    countOwnCalls("ann", 4, at("10:59:59.900"));
    countOwnCalls("ann", 1, at("11:00:00.100"));
    await vi.advanceTimersByTimeAsync(OWN_CALLS_FLUSH_MS);
    expect(written).toEqual([
      { username: "ann", count: 4, at: "2026-12-02T10:59:59.900Z" },
      { username: "ann", count: 1, at: "2026-12-02T11:00:00.100Z" },
    ]);
  });

  it("an import flushes its person's count before reserving; the shutdown flushes all", async () => {
    countOwnCalls("ann", 2, at("10:00:00"));
    countOwnCalls("bob", 5, at("10:00:00"));
    await flushOwnCalls("ann");
    expect(written.map((w) => [w.username, w.count])).toEqual([["ann", 2]]);
    await allWritesDone();
    expect(written.map((w) => [w.username, w.count])).toEqual([
      ["ann", 2],
      ["bob", 5],
    ]);
    await vi.advanceTimersByTimeAsync(OWN_CALLS_FLUSH_MS);
    expect(written).toHaveLength(2);
  });

  it("counts nothing for a request that made no call", async () => {
    countOwnCalls("ann", 0, at("10:00:00"));
    await vi.advanceTimersByTimeAsync(OWN_CALLS_FLUSH_MS);
    expect(written).toEqual([]);
  });
});
