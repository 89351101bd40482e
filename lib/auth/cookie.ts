/**
 * next-auth's session cookie, read and written outside next-auth: route handlers write the
 * refreshed JWT back on their own response (next-auth v4 only writes it from its own routes).
 * Sealed in next-auth's own format (lib/auth/session-jwt.ts).
 */
import "server-only";
import type { NextResponse } from "next/server";
import { env } from "@/lib/env";
import { decodeSessionJwt, encodeSessionJwt } from "@/lib/auth/session-jwt";
import { sessionTokenSchema, type SessionToken } from "@/lib/auth/token";

/** next-auth's default session lifetime, which getAuthOptions() also uses. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export function secureCookies(appUrl = env().appUrl): boolean {
  return appUrl.startsWith("https://");
}

/**
 * The session cookie's name and options exactly as next-auth chooses them (its defaultCookies):
 * HttpOnly, SameSite=Lax, and over https `Secure` with the `__Secure-` prefix.
 */
export function sessionCookie(appUrl = env().appUrl) {
  const secure = secureCookies(appUrl);
  return {
    name: `${secure ? "__Secure-" : ""}next-auth.session-token`,
    options: { httpOnly: true, sameSite: "lax", path: "/", secure } as const,
  };
}

export function sessionCookieName(): string {
  return sessionCookie().name;
}

/** The session JWT in a cookie value, or null when there is none or it does not decrypt. */
export async function readSessionToken(value: string | undefined): Promise<SessionToken | null> {
  if (!value) return null;
  try {
    const payload = await decodeSessionJwt(value, env().authSecret);
    const parsed = sessionTokenSchema.safeParse(payload);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Seals `token` and sets it on `response` with next-auth's own cookie name and options. */
export async function writeSessionToken(
  response: NextResponse,
  token: SessionToken,
): Promise<void> {
  const value = await encodeSessionJwt(token, env().authSecret, SESSION_MAX_AGE_SECONDS);
  const { name, options } = sessionCookie();
  response.cookies.set(name, value, { ...options, maxAge: SESSION_MAX_AGE_SECONDS });
}
