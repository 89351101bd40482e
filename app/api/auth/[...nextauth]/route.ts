import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { declinedConsentUrl } from "@/lib/auth/declined";
import { getAuthOptions } from "@/lib/auth/options";

type Context = { params: Promise<{ nextauth: string[] }> };

/** next-auth's routes, with options built on first request (so `next build` needs no env). */
async function auth(request: NextRequest, context: Context): Promise<Response> {
  const { nextauth } = await context.params;
  // The user chose "Deny" on Exist's consent page: back to where they were if signed in, else to
  // the landing page; either says so. (next-auth would report any provider error as the generic
  // "OAuthCallback", and it leaves the session cookie alone on a failed callback.)
  if (
    nextauth.join("/") === "callback/exist" &&
    request.nextUrl.searchParams.get("error") === "access_denied"
  ) {
    return NextResponse.redirect(await declinedConsentUrl(request));
  }
  return NextAuth(request, context, getAuthOptions());
}

export { auth as GET, auth as POST };
