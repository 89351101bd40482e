import { isServer, QueryClient } from "@tanstack/react-query";
import { ApiResponseError } from "./api-error";

/** Retry only what may pass on its own: Exist unreachable or slow, once. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (!(error instanceof ApiResponseError)) return failureCount < 1;
  const transient = error.status === 502 || error.status === 504 || error.status === 0;
  return transient && failureCount < 1;
}

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Server-prefetched data is fresh on arrival: no refetch right after hydration.
        staleTime: 30_000,
        retry: shouldRetry,
      },
    },
  });
}

let browserQueryClient: QueryClient | undefined;

/** A new client per server request (no data shared between users); one for the browser's life. */
export function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}
