/**
 * Next 16's proxy (formerly middleware): a Content-Security-Policy with a fresh script nonce on
 * every request, and the other security headers, on pages and API answers alike. Next.js reads
 * the nonce from the request's CSP header and puts it on the scripts it renders, so every page
 * renders dynamically (the root layout reads cookies anyway). Runs in the Node.js runtime.
 * It reads no session: route handlers decrypt the cookie themselves, once per request.
 */
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { createNonce, securityHeaders, type SecurityHeaderOptions } from "@/lib/security/headers";

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

export function proxy(request: NextRequest): NextResponse {
  const headers = securityHeaders({ ...headerOptions(), nonce: createNonce() });
  let response: NextResponse;
  if (rendersHtml(request)) {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"] ?? "");
    response = NextResponse.next({ request: { headers: requestHeaders } });
  } else {
    response = NextResponse.next();
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but build assets (hashed files that carry no page and run nothing inline).
  matcher: ["/((?!_next/static|_next/image).*)"],
};
