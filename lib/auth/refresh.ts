/**
 * Token refresh with one exchange per refresh token across the whole server process.
 * Exist's refresh tokens are single-use
 * (https://developer.exist.io/reference/authentication/oauth2/#refresh-an-access-token):
 * concurrent requests carrying the same cookie share one refresh, and for a few minutes after it,
 * requests still carrying the old cookie get the new tokens instead of refreshing a dead token.
 * With DATABASE_URL, lib/api/ passes the database's serialisation (lib/db/shared-refresh.ts) so
 * the same holds across instances; lib/auth/ itself knows nothing of storage.
 */
import "server-only";
import { SingleFlight } from "@/lib/auth/single-flight";
import { tokenFields, type SessionToken, type TokenFields } from "@/lib/auth/token";
import { existClientCredentials, existConfig } from "@/lib/exist/config";
import { exchangeRefreshToken } from "@/lib/exist/oauth";

const KEEP_REFRESHED_MS = 5 * 60 * 1000;

// On globalThis, not module scope: Next may load this module once per route bundle, and every
// route handler of the process must share the same map.
const registry = globalThis as typeof globalThis & { __existRefreshes?: SingleFlight<TokenFields> };
const refreshes = (registry.__existRefreshes ??= new SingleFlight<TokenFields>(KEEP_REFRESHED_MS));

/** Runs `exchange` for `refreshToken` once across instances (or just runs it, for one process). */
export type AcrossInstances = (
  refreshToken: string,
  exchange: () => Promise<TokenFields>,
) => Promise<TokenFields>;

const thisProcessOnly: AcrossInstances = (_refreshToken, exchange) => exchange();

/** New tokens for `refreshToken`; throws ExistError("unauthorized") when Exist refuses it. */
export function refreshTokens(
  refreshToken: string,
  acrossInstances: AcrossInstances = thisProcessOnly,
): Promise<TokenFields> {
  return refreshes.run(refreshToken, () =>
    acrossInstances(refreshToken, async () =>
      tokenFields(
        await exchangeRefreshToken(existConfig(), existClientCredentials(), refreshToken),
      ),
    ),
  );
}

/**
 * `token` with the tokens another request got for its refresh token a moment ago, if any: a
 * request that raced a refresh must neither refresh a dead token nor write it back to the cookie.
 */
export function withRecentRefresh(token: SessionToken): SessionToken {
  const fresh = refreshes.peek(token.refreshToken);
  return fresh ? { ...token, ...fresh, error: undefined } : token;
}
