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

/**
 * next-auth v4 splits a session cookie longer than this into `<name>.0`, `<name>.1`, … (its
 * SessionStore: 4096 bytes a cookie minus an estimated 163 for name and attributes). A session
 * with every scope and a long display name passes it.
 */
export const COOKIE_CHUNK_SIZE = 4096 - 163;

type CookieJar = { getAll(): Array<{ name: string; value: string }> };

/** The session cookies of a request, by name: the whole one and/or its numbered chunks. */
function sessionCookies(jar: CookieJar, name: string) {
  const chunkName = new RegExp(`^${name.replace(/[.]/g, "\\.")}\\.(\\d+)$`);
  const chunks: Array<{ index: number; value: string }> = [];
  const names: string[] = [];
  let whole: string | undefined;
  for (const cookie of jar.getAll()) {
    const index = chunkName.exec(cookie.name)?.[1];
    if (cookie.name !== name && index === undefined) continue;
    names.push(cookie.name);
    if (index === undefined) whole = cookie.value;
    else chunks.push({ index: Number(index), value: cookie.value });
  }
  return { whole, chunks: chunks.sort((a, b) => a.index - b.index), names };
}

/** The session cookie's value as next-auth reads it: the chunks joined in order, or the one cookie. */
export function sessionCookieValue(jar: CookieJar, name = sessionCookieName()): string | undefined {
  const { whole, chunks } = sessionCookies(jar, name);
  return chunks.length > 0 ? chunks.map((part) => part.value).join("") : whole;
}

/** `value` cut as next-auth cuts it: one cookie `<name>`, or chunks `<name>.0`, `<name>.1`, …. */
export function chunkCookie(name: string, value: string): Array<{ name: string; value: string }> {
  if (value.length <= COOKIE_CHUNK_SIZE) return [{ name, value }];
  const parts: Array<{ name: string; value: string }> = [];
  for (let start = 0; start < value.length; start += COOKIE_CHUNK_SIZE) {
    parts.push({
      name: `${name}.${parts.length}`,
      value: value.slice(start, start + COOKIE_CHUNK_SIZE),
    });
  }
  return parts;
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

/**
 * Seals `token` and sets it on `response` with next-auth's own cookie name and options, in chunks
 * as next-auth would; the request's session cookies that the new ones do not replace (a stale
 * chunk, or the whole cookie when it is now chunked) are cleared.
 */
export async function writeSessionToken(
  response: NextResponse,
  token: SessionToken,
  request: CookieJar,
): Promise<void> {
  const value = await encodeSessionJwt(token, env().authSecret, SESSION_MAX_AGE_SECONDS);
  const { name, options } = sessionCookie();
  const parts = chunkCookie(name, value);
  const written = new Set(parts.map((part) => part.name));
  for (const stale of sessionCookies(request, name).names) {
    if (!written.has(stale)) response.cookies.set(stale, "", { ...options, maxAge: 0 });
  }
  for (const part of parts) {
    response.cookies.set(part.name, part.value, { ...options, maxAge: SESSION_MAX_AGE_SECONDS });
  }
}
