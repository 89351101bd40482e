/**
 * Proxy overhead: the same work sent straight to the sandbox and through the app, with autocannon
 * at the same concurrency, side by side in one run.
 */
import autocannon from "autocannon";

export type LoadFigures = { p50: number; p99: number; requestsPerSecond: number; errors: number };

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
): Promise<LoadFigures> {
  const result = await autocannon({
    url: target.url,
    method: target.method ?? "GET",
    headers: target.headers,
    body: target.body,
    connections,
    duration: seconds,
  });
  const failures = result.errors + result.timeouts + result.non2xx;
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    requestsPerSecond: result.requests.average,
    errors: failures,
  };
}
