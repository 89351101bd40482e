/**
 * Session helpers for Server Components. They never refresh tokens: a Server Component cannot
 * write the cookie, and Exist's refresh tokens are single-use. Refreshing is the route handlers'
 * job (lib/api/handler.ts).
 */
import "server-only";
import { getServerSession, type Session } from "next-auth";
import { cookies, headers } from "next/headers";
import type { AttributesResponse } from "@/lib/api/contract";
import { loadAttributes } from "@/lib/api/attributes";
import { wantsFresh } from "@/lib/api/attributes-cache";
import { readSessionToken, sessionCookieValue } from "@/lib/auth/cookie";
import { getAuthOptions } from "@/lib/auth/options";
import { isExpired } from "@/lib/auth/token";
import { createExistClient, fixedToken } from "@/lib/exist/client";
import { existConfig } from "@/lib/exist/config";

/** The signed-in user's session (display fields and flags), or null. */
export async function getCurrentSession(): Promise<Session | null> {
  // Reading the cookies first makes the caller dynamic, so `next build` never prerenders it
  // (and never needs the environment).
  await cookies();
  return getServerSession(getAuthOptions());
}

/**
 * GET /api/attributes's answer for the attributes page's server render, with the current access
 * token. Null when signed out, when the token has expired or was refused, or on any error: the
 * page then fetches through the route handler, which can refresh and write the cookie.
 * Served from the short per-session cache unless the browser reloads the page (a reload sends
 * `Cache-Control: max-age=0`): reloading shows Exist's current state.
 */
export async function prefetchAttributes(): Promise<AttributesResponse | null> {
  try {
    const token = await readSessionToken(sessionCookieValue(await cookies()));
    if (!token || token.error || isExpired(token)) return null;
    const exist = createExistClient(existConfig(), fixedToken(token.accessToken));
    return await loadAttributes(exist, token, wantsFresh(await headers()));
  } catch {
    return null;
  }
}
