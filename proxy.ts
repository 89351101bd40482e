/**
 * Next 16's proxy (formerly middleware): a Content-Security-Policy with a fresh script nonce on
 * every request, and the other security headers, on pages and API answers alike. Next.js reads
 * the nonce from the request's CSP header and puts it on the scripts it renders, so every page
 * renders dynamically (the root layout reads cookies anyway). Runs in the Node.js runtime.
 */
import { NextResponse, type NextRequest } from "next/server";
import { redirectWithoutSession } from "@/lib/auth/page-guard";
import { env } from "@/lib/env";
import { createNonce, securityHeaders } from "@/lib/security/headers";

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const { appUrl, existBaseUrl } = env();
  const headers = securityHeaders({
    nonce: createNonce(),
    existOrigin: new URL(existBaseUrl).origin,
    https: appUrl.startsWith("https://"),
    dev: process.env.NODE_ENV === "development",
  });
  const csp = headers["Content-Security-Policy"] ?? "";
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  const response =
    (await redirectWithoutSession(request)) ??
    NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but build assets (hashed files that carry no page and run nothing inline).
  matcher: ["/((?!_next/static|_next/image).*)"],
};
