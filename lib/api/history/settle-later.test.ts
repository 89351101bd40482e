import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Settlement } from "@/lib/api/history/change-queries";
import {
  flushSettlements,
  SETTLE_BATCH_MAX,
  SETTLE_BATCH_MS,
  settleLater,
  type WriteBatch,
} from "@/lib/api/history/settle-later";
import { allWritesDone, writesDone } from "@/lib/api/history/store";

const settlement = (id: number): Settlement => ({
  id,
  attribute: `a${id}`,
  label: `A${id}`,
  outcome: "done",
  ownerAfter: null,
  errorCode: null,
});

function recorder() {
  const calls: Array<{ username: string; ids: number[]; owners: boolean; now: boolean }> = [];
  const write: WriteBatch = async (username, settlements, options) => {
    calls.push({
      username,
      ids: settlements.map((s) => s.id),
      owners: options.owners,
      now: options.settleNow === true,
    });
  };
  return { calls, write };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("settleLater: outcomes written a few requests at a time", () => {
  it("writes the outcomes of requests within the window in one statement per user and kind", async () => {
    const { calls, write } = recorder();
    void settleLater("ann", [settlement(1)], { owners: false }, write);
    void settleLater("ann", [settlement(2), settlement(3)], { owners: false }, write);
    void settleLater("ann", [settlement(4)], { owners: true }, write);
    void settleLater("bob", [settlement(5)], { owners: false }, write);
    await vi.advanceTimersByTimeAsync(SETTLE_BATCH_MS - 1);
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toEqual([
      { username: "ann", ids: [1, 2, 3], owners: false, now: false },
      { username: "ann", ids: [4], owners: true, now: false },
      { username: "bob", ids: [5], owners: false, now: false },
    ]);
  });

  it("writes at once when someone reads the history, or the server shuts down", async () => {
    const { calls, write } = recorder();
    const written = settleLater("ann", [settlement(1)], { owners: false }, write);
    await writesDone("ann");
    expect(calls.map((call) => call.ids)).toEqual([[1]]);
    await expect(written).resolves.toBeUndefined();
    void settleLater("ann", [settlement(2)], { owners: false, settleNow: true }, write);
    await allWritesDone();
    expect(calls.at(-1)).toEqual({ username: "ann", ids: [2], owners: false, now: true });
  });

  it("does not wait for the window once a batch is large", async () => {
    const { calls, write } = recorder();
    const many = Array.from({ length: SETTLE_BATCH_MAX }, (_, i) => settlement(i));
    void settleLater("ann", many, { owners: false }, write);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.ids).toHaveLength(SETTLE_BATCH_MAX);
  });

  it("resolves even when the write fails, and the next batch is written", async () => {
    const calls: number[][] = [];
    let fail = true;
    const write: WriteBatch = async (_username, settlements) => {
      calls.push(settlements.map((s) => s.id));
      if (fail) throw new Error("database unavailable");
    };
    const first = settleLater("ann", [settlement(1)], { owners: false }, write);
    await vi.advanceTimersByTimeAsync(SETTLE_BATCH_MS);
    await expect(first).resolves.toBeUndefined();
    fail = false;
    void settleLater("ann", [settlement(2)], { owners: false }, write);
    await vi.advanceTimersByTimeAsync(SETTLE_BATCH_MS);
    expect(calls).toEqual([[1], [2]]);
  });

  it("issues every batch of a window at once, so a later statement cannot come between them", async () => {
    const started: string[] = [];
    const finish: Array<() => void> = [];
    const slow: WriteBatch = (username) => {
      started.push(username);
      return new Promise<void>((resolve) => finish.push(resolve));
    };
    const ann = settleLater("ann", [settlement(1)], { owners: false }, slow);
    void settleLater("bob", [settlement(2)], { owners: false }, slow);
    flushSettlements();
    expect(started).toEqual(["ann", "bob"]);
    for (const resolve of finish) resolve();
    await ann;
  });

  it("writes nothing for no settlements", async () => {
    const { calls, write } = recorder();
    await settleLater("ann", [], { owners: false }, write);
    await vi.advanceTimersByTimeAsync(SETTLE_BATCH_MS);
    expect(calls).toEqual([]);
  });
});
