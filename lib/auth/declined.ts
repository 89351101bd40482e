/**
 * Where to send a person who chose Deny on Exist's consent page. Someone signed in who was asking
 * for more access ("Allow writing …") keeps the session they had (Deny changes nothing at Exist)
 * and goes back to where they asked, which then says nothing changed; anyone else goes to the
 * landing page, which says they are not signed in.
 */
import "server-only";
import type { NextRequest } from "next/server";
import { CONSENT_DECLINED } from "@/lib/access/consent";
import { readSessionToken, secureCookies, sessionCookieValue } from "@/lib/auth/cookie";
import { env } from "@/lib/env";

/** next-auth's cookie holding the sign-in's callbackUrl (its defaultCookies). */
function callbackUrlCookieName(): string {
  return `${secureCookies() ? "__Secure-" : ""}next-auth.callback-url`;
}

export async function declinedConsentUrl(request: NextRequest): Promise<URL> {
  const appUrl = new URL(env().appUrl);
  const session = await readSessionToken(sessionCookieValue(request.cookies));
  const back = request.cookies.get(callbackUrlCookieName())?.value;
  if (session && !session.error && back && URL.canParse(back, appUrl)) {
    const url = new URL(back, appUrl);
    // Only back into this app: the cookie is the browser's and could say anything.
    if (url.origin === appUrl.origin) {
      url.searchParams.set(CONSENT_DECLINED.param, CONSENT_DECLINED.value);
      // The top of the page, where the sentence saying nothing changed is.
      url.hash = "";
      return url;
    }
  }
  return new URL("/?error=AccessDenied", appUrl);
}
