/**
 * Proxy overhead: the same work sent straight to the sandbox and through the app, and Next.js's
 * floor (an empty route), with autocannon at the same concurrency, side by side in one run.
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
};

export async function load(
  target: LoadTarget,
  connections: number,
  seconds: number,
  /** The status every answer should have; any other counts as an error. */
  expectedStatus = 200,
): Promise<LoadFigures> {
  const result = await autocannon({
    url: target.url,
    method: target.method ?? "GET",
    headers: target.headers,
    body: target.body,
    connections,
    duration: seconds,
  });
  const expected =
    expectedStatus === 200
      ? result["2xx"]
      : ((result.statusCodeStats as Record<string, { count: number }>)[String(expectedStatus)]
          ?.count ?? 0);
  const failures = result.errors + result.timeouts + (result.requests.total - expected);
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    requestsPerSecond: result.requests.average,
    errors: failures,
  };
}
