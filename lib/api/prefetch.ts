/**
 * The attributes page's server-side prefetch: GET /api/attributes's answer for the first HTML,
 * with the current access token, logged like a route handler's request. Null when signed out,
 * when the token has expired or was refused, or on any error: the page then fetches through the
 * route handler, which can refresh and write the cookie (a Server Component cannot, and Exist's
 * refresh tokens are single-use). Served from the short per-session cache unless the browser
 * reloads the page (a reload sends `Cache-Control: max-age=0`): reloading shows Exist's state.
 */
import "server-only";
import { cookies, headers } from "next/headers";
import { loadAttributes } from "@/lib/api/attributes";
import { wantsFresh } from "@/lib/api/attributes-cache";
import type { AttributesResponse } from "@/lib/api/contract";
import { handleApiError } from "@/lib/api/errors";
import { logApiCall } from "@/lib/api/log";
import { requestIdFor } from "@/lib/api/request-id";
import { readSessionToken, sessionCookieValue } from "@/lib/auth/cookie";
import { isExpired } from "@/lib/auth/token";
import { countExistCalls } from "@/lib/exist/call-stats";
import { createExistClient, fixedToken } from "@/lib/exist/client";
import { existConfig } from "@/lib/exist/config";

type Prefetched = { status: number; answer: AttributesResponse | null };

export async function prefetchAttributes(): Promise<AttributesResponse | null> {
  const started = performance.now();
  const requestId = requestIdFor(await headers());
  const { result, stats } = await countExistCalls(load, requestId);
  logApiCall({
    requestId,
    kind: "prefetch",
    method: "GET",
    route: "/attributes",
    status: result.status,
    ms: performance.now() - started,
    exist: stats,
  });
  return result.answer;
}

/** The answer, and the status GET /api/attributes would have answered with this token. */
async function load(): Promise<Prefetched> {
  try {
    const token = await readSessionToken(sessionCookieValue(await cookies()));
    if (!token || token.error || isExpired(token)) return { status: 401, answer: null };
    const exist = createExistClient(existConfig(), fixedToken(token.accessToken));
    return { status: 200, answer: await loadAttributes(exist, token, wantsFresh(await headers())) };
  } catch (error) {
    return { status: handleApiError(error).status, answer: null };
  }
}
