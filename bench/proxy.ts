/**
 * Load with autocannon: for the proxy figures, the same work sent straight to the sandbox and
 * through the app, and Next.js's floor (an empty route), at the same concurrency, side by side in
 * one run; for the CPU figures (bench/cpu-time.ts), a fixed number of requests.
 */
import autocannon from "autocannon";

export type LoadFigures = { p50: number; p99: number; requestsPerSecond: number; errors: number };

export type ProxyRun = {
  workload: string;
  connections: number;
  direct: LoadFigures;
  /** The empty route (an unknown /api/ path), measured right before the app. */
  floor: LoadFigures;
  app: LoadFigures;
};

export type LoadTarget = {
  url: string;
  method?: "GET" | "POST";
  headers: Record<string, string>;
  body?: string;
  /** The status every answer should have; any other counts as an error. 200 unless said. */
  status?: number;
};

/** How long to load: for `seconds`, or until `amount` requests have been answered. */
export type LoadLength = { connections: number } & ({ seconds: number } | { amount: number });

export async function load(target: LoadTarget, length: LoadLength): Promise<LoadFigures> {
  const result = await autocannon({
    url: target.url,
    method: target.method ?? "GET",
    headers: target.headers,
    body: target.body,
    connections: length.connections,
    ...("amount" in length ? { amount: length.amount } : { duration: length.seconds }),
  });
  const status = target.status ?? 200;
  const expected =
    status === 200
      ? result["2xx"]
      : ((result.statusCodeStats as Record<string, { count: number } | undefined>)[String(status)]
          ?.count ?? 0);
  const failures = result.errors + result.timeouts + (result.requests.total - expected);
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    requestsPerSecond: result.requests.average,
    errors: failures,
  };
}
