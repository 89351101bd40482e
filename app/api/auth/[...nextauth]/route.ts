import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { getAuthOptions } from "@/lib/auth/options";

type Context = { params: Promise<{ nextauth: string[] }> };

/** next-auth's routes, with options built on first request (so `next build` needs no env). */
async function auth(request: NextRequest, context: Context): Promise<Response> {
  const { nextauth } = await context.params;
  // The user chose "Deny" on Exist's consent page: back to the landing page, which says so.
  // (next-auth would report any provider error as the generic "OAuthCallback".)
  if (
    nextauth.join("/") === "callback/exist" &&
    request.nextUrl.searchParams.get("error") === "access_denied"
  ) {
    return NextResponse.redirect(new URL("/?error=AccessDenied", env().appUrl));
  }
  return NextAuth(request, context, getAuthOptions());
}

export { auth as GET, auth as POST };
