/**
 * Signed-in pages answer a real redirect when there is no session: a 307 to the landing page from
 * proxy.ts, before any rendering (a page's own redirect() would come as a 200 with a streamed
 * redirect). Only these page paths pay for decrypting the cookie; API routes and files do not.
 */
import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { readSessionToken, sessionCookieValue } from "@/lib/auth/cookie";
import { env } from "@/lib/env";

/** Pages that need a session (and their sub-paths). */
export const SIGNED_IN_PAGES = ["/attributes", "/access", "/history", "/import"] as const;

export function isSignedInPage(pathname: string): boolean {
  return SIGNED_IN_PAGES.some((page) => pathname === page || pathname.startsWith(`${page}/`));
}

/**
 * A 307 to `/` for a signed-in page requested without a session cookie that decrypts, else null.
 * A session whose tokens Exist refused still counts: the page itself says to sign in again.
 */
export async function redirectWithoutSession(request: NextRequest): Promise<NextResponse | null> {
  if (!isSignedInPage(request.nextUrl.pathname)) return null;
  if (await readSessionToken(sessionCookieValue(request.cookies))) return null;
  return NextResponse.redirect(new URL("/", env().appUrl), 307);
}
