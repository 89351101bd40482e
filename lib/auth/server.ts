/**
 * Session helpers for Server Components. They never refresh tokens: a Server Component cannot
 * write the cookie, and Exist's refresh tokens are single-use. Refreshing is the route handlers'
 * job (lib/api/handler.ts). The attributes page's prefetch is in lib/api/prefetch.ts.
 */
import "server-only";
import { getServerSession, type Session } from "next-auth";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getAuthOptions } from "@/lib/auth/options";

/**
 * The signed-in user's session (display fields and flags), or null. Once per server render:
 * the layout and the page share it.
 */
export const getCurrentSession = cache(async (): Promise<Session | null> => {
  // Reading the cookies first makes the caller dynamic, so `next build` never prerenders it
  // (and never needs the environment).
  await cookies();
  return getServerSession(getAuthOptions());
});

/**
 * The session of a signed-in page, or a redirect to the landing page. proxy.ts has already
 * answered a 307 without a session cookie; this covers a session that ended since.
 */
export async function requireSession(): Promise<Session> {
  const session = await getCurrentSession();
  if (!session) redirect("/");
  return session;
}
