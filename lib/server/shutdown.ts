/**
 * The server's graceful shutdown, on SIGTERM (what an orchestrator or process manager sends) or
 * SIGINT (Ctrl-C):
 *
 * 1. readiness answers 503 (GET /api/ready) at once;
 * 2. on SIGTERM only, for READY_GRACE_MS the server still takes connections, so that a load
 *    balancer polling readiness sees the 503 and stops sending (Ctrl-C does not wait);
 * 3. Next.js's own signal handler then closes the listener (new connections are refused) and
 *    waits for the requests in flight (their answers say `Connection: close`, so that no idle
 *    keep-alive connection holds it up);
 * 4. the job engine, told to stop at the signal (it takes no new job and lets the running ones
 *    end), has stopped; the history writes still running after their answers land; then the
 *    database closes (the embedded database's lock with it), and the process exits 0.
 *
 * Whatever still runs DRAIN_DEADLINE_MS after the signal is cut short (exit 1), so that the
 * process is gone within STOP_BOUND_MS. Next.js's handler would close the listener at once and
 * exit as soon as the last request ended (before the writes after it, and with the database still
 * open): instrumentation.ts hands it to `installShutdown`, which calls it at step 3 and holds its
 * `process.exit` until step 4 is done.
 *
 * The state is kept on globalThis: instrumentation and the route handlers may load this module
 * as separate copies.
 */
import "server-only";
import { logger } from "@/lib/server/logger";
import { within } from "@/lib/server/time-limit";

/** What an orchestrator's stop timeout must allow (README, "Deploying"). */
export const STOP_BOUND_MS = 15_000;
export const READY_GRACE_MS = 2_000;
/** Requests still running this long after the signal are cut short. */
export const DRAIN_DEADLINE_MS = 11_000;
/** For the writes after the answers and closing the database, at most. */
export const FINISH_MS = 2_000;

type Signal = "SIGTERM" | "SIGINT";
const SIGNALS: readonly Signal[] = ["SIGTERM", "SIGINT"];

type State = { stopping: boolean; installed: boolean };
const state = ((globalThis as typeof globalThis & { __shutdown?: State }).__shutdown ??= {
  stopping: false,
  installed: false,
});

/** True from the moment a shutdown begins: readiness answers 503 from then on. */
export function shuttingDown(): boolean {
  return state.stopping;
}

export function beginShutdown(): void {
  state.stopping = true;
}

export type ShutdownSteps = {
  /** Next.js's handlers for the signal: close the listener, wait for requests, then exit. */
  nextHandlers: (signal: Signal) => Array<(signal: Signal) => void>;
  /** Resolves when the writes that run after their answers are done. */
  writesDone: () => Promise<void>;
  /** Stops the job engine gracefully; resolves when its running jobs have ended. */
  stopJobs: (timeoutMs: number) => Promise<void>;
  closeDatabase: () => Promise<void>;
  exit: (code: number) => void;
  log: (line: string) => void;
  /** Sends Next.js's `process.exit` to `exit` from now on. */
  holdExit: (exit: (code?: number) => void) => void;
};

/** Waits for `work` (its failure too) for at most `ms`. */
const atMost = (work: Promise<unknown>, ms: number) =>
  within(
    work.catch(() => {}),
    ms,
  );

/** The shutdown sequence, with its steps passed in (unit tests pass their own). */
export function shutdownOn(steps: ShutdownSteps): (signal: Signal) => void {
  return (signal) => {
    if (state.stopping) return;
    beginShutdown();
    const started = Date.now();
    steps.log(`shutdown: ${signal}: not ready; draining requests (exit within 15 s)`);
    // Jobs get as long as requests do: the drain's deadline bounds both.
    const jobsStopped = steps.stopJobs(DRAIN_DEADLINE_MS);
    let finishing: Promise<void> | undefined;
    const finish = (code: number) =>
      (finishing ??= (async () => {
        await atMost(jobsStopped, Math.max(0, started + DRAIN_DEADLINE_MS - Date.now()));
        await atMost(steps.writesDone(), FINISH_MS / 2);
        await atMost(steps.closeDatabase(), FINISH_MS / 2);
        steps.log(`shutdown: done in ${Date.now() - started} ms`);
        steps.exit(code);
      })());
    setTimeout(() => {
      steps.log(`shutdown: requests still running after ${DRAIN_DEADLINE_MS} ms: cut short`);
      void finish(1);
    }, DRAIN_DEADLINE_MS);
    // Next.js's handler ends with process.exit once its requests are done.
    steps.holdExit(() => void finish(0));
    const handlers = steps.nextHandlers(signal);
    setTimeout(
      () => {
        if (handlers.length === 0) void finish(0);
        for (const handler of handlers) handler(signal);
      },
      signal === "SIGTERM" ? READY_GRACE_MS : 0,
    );
  };
}

/**
 * Called once from instrumentation.ts, after Next.js has installed its signal handlers: takes
 * them over (see above).
 */
export function installShutdown(
  steps: Pick<ShutdownSteps, "writesDone" | "stopJobs" | "closeDatabase">,
): void {
  if (state.installed) return;
  state.installed = true;
  const taken = new Map<Signal, Array<(signal: Signal) => void>>();
  for (const signal of SIGNALS) {
    const handlers = process.listeners(signal) as Array<(signal: Signal) => void>;
    for (const handler of handlers) process.removeListener(signal, handler);
    taken.set(signal, handlers);
  }
  if ((taken.get("SIGTERM") ?? []).length === 0) {
    logger.warn("shutdown: no Next.js signal handler found: requests in flight are not waited for");
  }
  const exit = process.exit.bind(process);
  const onSignal = shutdownOn({
    ...steps,
    nextHandlers: (signal) => taken.get(signal) ?? [],
    exit: (code) => exit(code),
    log: (line) => logger.info(line),
    holdExit: (held) => {
      process.exit = ((code?: number) => held(code)) as typeof process.exit;
    },
  });
  for (const signal of SIGNALS) process.on(signal, onSignal);
}
