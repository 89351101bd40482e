/**
 * The process's shutdown, from the first SIGTERM or SIGINT on. Kept on globalThis: instrumentation
 * and the route handlers may load this module as separate copies.
 */
import "server-only";

type State = { stopping: boolean };
const state = ((globalThis as typeof globalThis & { __shutdown?: State }).__shutdown ??= {
  stopping: false,
});

/** True from the moment a shutdown begins: readiness answers 503 from then on. */
export function shuttingDown(): boolean {
  return state.stopping;
}

export function beginShutdown(): void {
  state.stopping = true;
}
