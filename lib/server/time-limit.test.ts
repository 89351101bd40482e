import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { within } from "./time-limit";

describe("within", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("gives the value of a promise that settles in time, and clears its timer", async () => {
    const quick = new Promise<string>((resolve) => setTimeout(() => resolve("list"), 100));
    const raced = within(quick, 300);
    await vi.advanceTimersByTimeAsync(100);
    await expect(raced).resolves.toBe("list");
    expect(vi.getTimerCount()).toBe(0);
  });

  it("gives null once the time is up, and the promise goes on", async () => {
    let settled = false;
    const slow = new Promise<string>((resolve) => setTimeout(() => resolve("list"), 1_000));
    void slow.then(() => (settled = true));
    const raced = within(slow, 300);
    await vi.advanceTimersByTimeAsync(300);
    await expect(raced).resolves.toBeNull();
    await vi.advanceTimersByTimeAsync(700);
    expect(settled).toBe(true);
  });

  it("passes a rejection within the time through", async () => {
    await expect(within(Promise.reject(new Error("down")), 300)).rejects.toThrow("down");
    expect(vi.getTimerCount()).toBe(0);
  });
});
