/**
 * next-auth's session cookie, read and written outside next-auth: route handlers write the
 * refreshed JWT back on their own response (next-auth v4 only writes it from its own routes).
 */
import "server-only";
import { decode, encode } from "next-auth/jwt";
import type { NextResponse } from "next/server";
import { env } from "@/lib/env";
import { sessionTokenSchema, type SessionToken } from "@/lib/auth/token";

/** next-auth's default session lifetime, which getAuthOptions() also uses. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export function secureCookies(): boolean {
  return env().appUrl.startsWith("https://");
}

/** The cookie's name as next-auth chooses it (`__Secure-` prefix on https). */
export function sessionCookieName(): string {
  return `${secureCookies() ? "__Secure-" : ""}next-auth.session-token`;
}

/** The session JWT in a cookie value, or null when there is none or it does not decrypt. */
export async function readSessionToken(value: string | undefined): Promise<SessionToken | null> {
  if (!value) return null;
  try {
    const payload = await decode({ token: value, secret: env().authSecret });
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
  const value = await encode({
    token,
    secret: env().authSecret,
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  response.cookies.set(sessionCookieName(), value, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: secureCookies(),
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}
