/**
 * Next 16's proxy (formerly middleware): a Content-Security-Policy with a fresh script nonce on
 * every request, and the other security headers, on pages and API answers alike. Next.js reads
 * the nonce from the request's CSP header and puts it on the scripts it renders, so every page
 * renders dynamically (the root layout reads cookies anyway). Runs in the Node.js runtime.
 * It reads the session only for signed-in pages (a 307 to `/` without one, lib/auth/page-guard.ts);
 * route handlers decrypt the cookie themselves, once per request.
 */
import { NextResponse, type NextRequest } from "next/server";
import { redirectWithoutSession } from "@/lib/auth/page-guard";
import { env } from "@/lib/env";
import { createNonce, securityHeaders, type SecurityHeaderOptions } from "@/lib/security/headers";
import { shuttingDown } from "@/lib/server/shutdown";

let policy: Omit<SecurityHeaderOptions, "nonce"> | undefined;

/** What the headers depend on besides the nonce: fixed for the life of the process. */
function headerOptions(): Omit<SecurityHeaderOptions, "nonce"> {
  if (!policy) {
    const { appUrl, existBaseUrl } = env();
    policy = {
      existOrigin: new URL(existBaseUrl).origin,
      https: appUrl.startsWith("https://"),
      dev: process.env.NODE_ENV === "development",
    };
  }
  return policy;
}

/** API answers are never rendered: only pages need the nonce passed on to Next.js's renderer. */
function rendersHtml(request: NextRequest): boolean {
  return !request.nextUrl.pathname.startsWith("/api/");
}

/** Passes the request on; pages get the CSP on the request too, for Next.js's renderer. */
function passOn(request: NextRequest, csp: string): NextResponse {
  if (!rendersHtml(request)) return NextResponse.next();
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  return NextResponse.next({ request: { headers: requestHeaders } });
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const headers = securityHeaders({ ...headerOptions(), nonce: createNonce() });
  // A signed-in page without a session answers a real 307, with the same security headers.
  const response =
    (await redirectWithoutSession(request)) ??
    passOn(request, headers["Content-Security-Policy"] ?? "");
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  // Shutting down: the connection is not kept for another request (lib/server/shutdown.ts).
  if (shuttingDown()) response.headers.set("Connection", "close");
  return response;
}

export const config = {
  // Everything but build assets (hashed files that carry no page and run nothing inline).
  matcher: ["/((?!_next/static|_next/image).*)"],
};
