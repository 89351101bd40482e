import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  DRAIN_DEADLINE_MS,
  FINISH_MS,
  READY_GRACE_MS,
  STOP_BOUND_MS,
  shutdownOn,
  shuttingDown,
  type ShutdownSteps,
} from "@/lib/server/shutdown";

const registry = globalThis as typeof globalThis & { __shutdown?: { stopping: boolean } };

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  if (registry.__shutdown) registry.__shutdown.stopping = false;
});

/** The steps, recording what happened when; Next.js's handler exits after `requestMs`. */
function fakeSteps(
  options: { requestMs?: number; writesMs?: number; jobsMs?: number; handlers?: number } = {},
) {
  const events: string[] = [];
  const at = () => `${Date.now()}`;
  let held: ((code?: number) => void) | undefined;
  const nextHandler = () => {
    events.push(`${at()} next: listener closed`);
    if (options.requestMs !== undefined) {
      setTimeout(() => held?.(143), options.requestMs);
    }
  };
  const steps: ShutdownSteps = {
    nextHandlers: () => Array.from({ length: options.handlers ?? 1 }, () => nextHandler),
    writesDone: () =>
      new Promise((resolve) =>
        setTimeout(() => {
          events.push(`${at()} writes done`);
          resolve();
        }, options.writesMs ?? 10),
      ),
    stopJobs: (timeoutMs) =>
      new Promise((resolve) =>
        setTimeout(
          () => {
            events.push(`${at()} jobs stopped`);
            resolve();
          },
          Math.min(options.jobsMs ?? 0, timeoutMs),
        ),
      ),
    closeDatabase: async () => {
      events.push(`${at()} database closed`);
    },
    exit: (code) => events.push(`${at()} exit ${code}`),
    log: () => {},
    holdExit: (exit) => {
      held = exit;
    },
  };
  return { steps, events };
}

describe("the shutdown", () => {
  it("on SIGTERM: not ready at once, the listener closed after the grace, then writes, database, exit 0", async () => {
    vi.setSystemTime(0);
    const { steps, events } = fakeSteps({ requestMs: 3_000 });
    shutdownOn(steps)("SIGTERM");
    expect(shuttingDown()).toBe(true);
    await vi.advanceTimersByTimeAsync(READY_GRACE_MS - 1);
    // The job engine stops taking jobs at once; the listener stays open through the grace.
    expect(events).toEqual(["0 jobs stopped"]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(events).toEqual([
      "0 jobs stopped",
      `${READY_GRACE_MS} next: listener closed`,
      `${READY_GRACE_MS + 3_000 + 10} writes done`,
      `${READY_GRACE_MS + 3_000 + 10} database closed`,
      `${READY_GRACE_MS + 3_000 + 10} exit 0`,
    ]);
  });

  it("on SIGINT (Ctrl-C) closes the listener without the grace", async () => {
    vi.setSystemTime(0);
    const { steps, events } = fakeSteps({ requestMs: 50 });
    shutdownOn(steps)("SIGINT");
    await vi.advanceTimersByTimeAsync(100);
    expect(events).toEqual([
      "0 jobs stopped",
      "0 next: listener closed",
      "60 writes done",
      "60 database closed",
      "60 exit 0",
    ]);
  });

  it("cuts requests still running at the deadline short, and exits 1 within the bound", async () => {
    vi.setSystemTime(0);
    const { steps, events } = fakeSteps({ writesMs: 60_000 });
    shutdownOn(steps)("SIGTERM");
    await vi.advanceTimersByTimeAsync(STOP_BOUND_MS);
    // Writes that never end are given half of FINISH_MS.
    expect(events).toEqual([
      "0 jobs stopped",
      `${READY_GRACE_MS} next: listener closed`,
      `${DRAIN_DEADLINE_MS + FINISH_MS / 2} database closed`,
      `${DRAIN_DEADLINE_MS + FINISH_MS / 2} exit 1`,
    ]);
    expect(DRAIN_DEADLINE_MS + FINISH_MS).toBeLessThan(STOP_BOUND_MS);
  });

  it("waits for a running job before the writes and the database, within the deadline", async () => {
    vi.setSystemTime(0);
    const { steps, events } = fakeSteps({ requestMs: 50, jobsMs: 5_000 });
    shutdownOn(steps)("SIGTERM");
    await vi.advanceTimersByTimeAsync(STOP_BOUND_MS);
    expect(events).toEqual([
      `${READY_GRACE_MS} next: listener closed`,
      "5000 jobs stopped",
      "5010 writes done",
      "5010 database closed",
      "5010 exit 0",
    ]);
  });

  it("a job that outlives the deadline is left to the engine's own timeout", async () => {
    vi.setSystemTime(0);
    const { steps, events } = fakeSteps({ requestMs: 50, jobsMs: 60_000 });
    shutdownOn(steps)("SIGTERM");
    await vi.advanceTimersByTimeAsync(STOP_BOUND_MS);
    expect(events.at(-1)).toBe(`${DRAIN_DEADLINE_MS + 10} exit 0`);
  });

  it("without Next.js's handler, finishes after the grace", async () => {
    vi.setSystemTime(0);
    const { steps, events } = fakeSteps({ handlers: 0 });
    shutdownOn(steps)("SIGTERM");
    await vi.advanceTimersByTimeAsync(READY_GRACE_MS + 100);
    expect(events.at(-1)).toBe(`${READY_GRACE_MS + 10} exit 0`);
  });

  it("runs once, whatever signals follow", async () => {
    vi.setSystemTime(0);
    const { steps, events } = fakeSteps({ requestMs: 50 });
    const onSignal = shutdownOn(steps);
    onSignal("SIGTERM");
    onSignal("SIGINT");
    onSignal("SIGTERM");
    await vi.advanceTimersByTimeAsync(STOP_BOUND_MS);
    expect(events.filter((event) => event.includes("exit"))).toEqual([
      `${READY_GRACE_MS + 60} exit 0`,
    ]);
  });
});
