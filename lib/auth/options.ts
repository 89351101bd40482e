/**
 * next-auth configuration: sign in with Exist; the Exist tokens live only in the encrypted JWT
 * cookie, and the session the browser reads holds display fields and flags.
 */
import "server-only";
import type { NextAuthOptions, Session } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { z } from "zod";
import { env } from "@/lib/env";
import { SESSION_MAX_AGE_SECONDS, secureCookies } from "@/lib/auth/cookie";
import { authLogger } from "@/lib/auth/logger";
import { existProvider } from "@/lib/auth/provider";
import { withRecentRefresh } from "@/lib/auth/refresh";
import { sessionToken, sessionTokenSchema } from "@/lib/auth/token";
import { existClientCredentials, existConfig } from "@/lib/exist/config";
import { parseScopes, writeAccess } from "@/lib/scopes";

/** The token fields of next-auth's `account` at sign-in (openid-client's TokenSet). */
const signInAccountSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_at: z.number(),
  scope: z.string(),
});

let cached: NextAuthOptions | undefined;

export function getAuthOptions(): NextAuthOptions {
  if (cached) return cached;
  const { appUrl, authSecret, scopes } = env();
  // next-auth v4 takes its own URL from NEXTAUTH_URL; APP_URL is the name this app documents.
  process.env.NEXTAUTH_URL ??= appUrl;
  cached = {
    secret: authSecret,
    useSecureCookies: secureCookies(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    // The landing page explains sign-in errors (`/?error=...`) and is the sign-in page.
    pages: { signIn: "/", error: "/" },
    // Never next-auth's default logger: it can print the provider's token response.
    logger: authLogger,
    providers: [existProvider(existConfig(), existClientCredentials(), scopes)],
    callbacks: {
      async jwt({ token, account, user }) {
        if (account) {
          const granted = signInAccountSchema.parse(account);
          return sessionToken(
            { username: user.id, name: user.name ?? user.id, picture: user.image ?? null },
            {
              accessToken: granted.access_token,
              refreshToken: granted.refresh_token,
              expiresAt: granted.expires_at,
              scopes: parseScopes(granted.scope),
            },
          );
        }
        return adoptRefreshedTokens(token);
      },
      async session({ session, token }) {
        return publicSession(token, session.expires);
      },
    },
  };
  return cached;
}

/** The cookie's JWT, with tokens a route handler refreshed a moment ago (see withRecentRefresh). */
function adoptRefreshedTokens(token: JWT): JWT {
  const current = sessionTokenSchema.safeParse(token);
  return current.success ? withRecentRefresh(current.data) : token;
}

/** The session the browser reads: never a token (scope names are not secret). */
function publicSession(token: JWT, expires: string): Session {
  const parsed = sessionTokenSchema.safeParse(token);
  if (!parsed.success) {
    return {
      expires,
      user: { name: "", username: "", image: null },
      writableGroups: [],
      manualWrite: false,
      scopes: [],
      error: "RefreshFailed",
    };
  }
  const { name, username, picture, scopes, error } = parsed.data;
  return {
    expires,
    user: { name, username, image: picture },
    ...writeAccess(scopes),
    scopes,
    ...(error ? { error } : {}),
  };
}
