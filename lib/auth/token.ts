/**
 * What the encrypted session cookie (next-auth's JWT) holds. Only the server can read it: this
 * is the one place the Exist tokens live. No `server-only` so the HTTP tests can seal the same
 * cookie (e2e/session.ts).
 */
import { z } from "zod";
import type { TokenResponse } from "@/lib/exist/schemas";
import { parseScopes } from "@/lib/scopes";

export const sessionTokenSchema = z.object({
  /** Exist's username: the account's stable id. */
  username: z.string().min(1),
  name: z.string(),
  picture: z.string().nullable(),
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
  /** Seconds since the epoch. */
  expiresAt: z.number(),
  /** The scopes Exist granted (the user may grant fewer than requested). */
  scopes: z.array(z.string()),
  /** Set when a refresh failed: the tokens are dead and the user must sign in again. */
  error: z.literal("RefreshFailed").optional(),
});

export type SessionToken = z.infer<typeof sessionTokenSchema>;
export type TokenFields = Pick<
  SessionToken,
  "accessToken" | "refreshToken" | "expiresAt" | "scopes"
>;
export type UserFields = Pick<SessionToken, "username" | "name" | "picture">;

/** A token counts as expired this many seconds early, so it does not expire mid-request. */
export const EXPIRY_MARGIN_SECONDS = 60;

export function nowInSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** Token fields from Exist's token endpoint answer. */
export function tokenFields(response: TokenResponse, now = nowInSeconds()): TokenFields {
  return {
    accessToken: response.access_token,
    refreshToken: response.refresh_token,
    expiresAt: now + response.expires_in,
    scopes: parseScopes(response.scope),
  };
}

/** The JWT the `jwt` callback stores at sign-in. */
export function sessionToken(user: UserFields, tokens: TokenFields): SessionToken {
  return { ...user, ...tokens };
}

export function isExpired(token: Pick<SessionToken, "expiresAt">, now = nowInSeconds()): boolean {
  return token.expiresAt - EXPIRY_MARGIN_SECONDS <= now;
}

/** Display name from Exist's profile: first and last name, else the username. */
export function displayName(profile: {
  username: string;
  first_name: string;
  last_name: string;
}): string {
  return `${profile.first_name} ${profile.last_name}`.trim() || profile.username;
}
