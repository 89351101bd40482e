import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { NewEntry } from "@/lib/api/history/change-queries";
import {
  flushSettlements,
  recordLater,
  SETTLE_BATCH_MAX,
  SETTLE_BATCH_MS,
  type WriteEntries,
} from "@/lib/api/history/settle-later";
import { allWritesDone, writesDone } from "@/lib/api/history/store";

const entry = (username: string, id: number): NewEntry => ({
  username,
  kind: "change",
  action: "acquire",
  attribute: `a${id}`,
  label: null,
  day: null,
  outcome: "done",
  ownerAfter: "this app",
  errorCode: null,
  requestId: `r${id}`,
  flight: id,
});

function recorder() {
  const calls: string[][] = [];
  const write: WriteEntries = async (entries) => {
    calls.push(entries.map((e) => `${e.username}:${e.attribute}`));
  };
  return { calls, write };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("recordLater: entries written a few requests at a time", () => {
  it("writes the entries of requests within the window in one statement, in order", async () => {
    const { calls, write } = recorder();
    void recordLater("ann", [entry("ann", 1)], write);
    void recordLater("ann", [entry("ann", 2), entry("ann", 3)], write);
    void recordLater("bob", [entry("bob", 4)], write);
    await vi.advanceTimersByTimeAsync(SETTLE_BATCH_MS - 1);
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toEqual([["ann:a1", "ann:a2", "ann:a3", "bob:a4"]]);
  });

  it("writes at once when someone reads the history, or the server shuts down", async () => {
    const { calls, write } = recorder();
    const written = recordLater("ann", [entry("ann", 1)], write);
    await writesDone("ann");
    expect(calls).toEqual([["ann:a1"]]);
    await expect(written).resolves.toBeUndefined();
    void recordLater("bob", [entry("bob", 2)], write);
    await allWritesDone();
    expect(calls.at(-1)).toEqual(["bob:a2"]);
  });

  it("does not wait for the window once a batch is large", async () => {
    const { calls, write } = recorder();
    const many = Array.from({ length: SETTLE_BATCH_MAX }, (_, i) => entry("ann", i));
    void recordLater("ann", many, write);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toHaveLength(SETTLE_BATCH_MAX);
  });

  it("resolves even when the write fails, and the next batch is written", async () => {
    const calls: number[] = [];
    let fail = true;
    const write: WriteEntries = async (entries) => {
      calls.push(entries.length);
      if (fail) throw new Error("database unavailable");
    };
    const first = recordLater("ann", [entry("ann", 1)], write);
    await vi.advanceTimersByTimeAsync(SETTLE_BATCH_MS);
    await expect(first).resolves.toBeUndefined();
    fail = false;
    void recordLater("ann", [entry("ann", 2), entry("ann", 3)], write);
    await vi.advanceTimersByTimeAsync(SETTLE_BATCH_MS);
    expect(calls).toEqual([1, 2]);
  });

  it("starts the waiting batch's statement before the caller's next one", async () => {
    const started: string[] = [];
    let finish = () => {};
    const slow: WriteEntries = (entries) => {
      started.push(...entries.map((e) => e.username));
      return new Promise<void>((resolve) => (finish = resolve));
    };
    const ann = recordLater("ann", [entry("ann", 1)], slow);
    void recordLater("bob", [entry("bob", 2)], slow);
    flushSettlements();
    expect(started).toEqual(["ann", "bob"]);
    finish();
    await ann;
  });

  it("writes nothing for no entries", async () => {
    const { calls, write } = recorder();
    await recordLater("ann", [], write);
    await vi.advanceTimersByTimeAsync(SETTLE_BATCH_MS);
    expect(calls).toEqual([]);
  });
});
