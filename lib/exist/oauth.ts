/**
 * Exist's OAuth2 token endpoint, for refreshing (the first exchange is next-auth's).
 * https://developer.exist.io/reference/authentication/oauth2/#refresh-an-access-token
 */
import "server-only";
import { ExistError } from "@/lib/exist/errors";
import { existRequest, type ExistConfig } from "@/lib/exist/http";
import { tokenResponseSchema, type TokenResponse } from "@/lib/exist/schemas";

export type ClientCredentials = { clientId: string; clientSecret: string };

/**
 * Trades a refresh token for a new access and refresh token. Exist's refresh tokens are
 * single-use: the old pair stops working once this succeeds.
 */
export async function exchangeRefreshToken(
  config: ExistConfig,
  client: ClientCredentials,
  refreshToken: string,
): Promise<TokenResponse> {
  // client_secret_post: the credentials go in the form body, as Exist's docs show.
  const form = new URLSearchParams({
    grant_type: "refresh_token",
    refresh_token: refreshToken,
    client_id: client.clientId,
    client_secret: client.clientSecret,
  });
  try {
    const { data } = await existRequest(
      config,
      `${config.baseUrl}/oauth2/access_token`,
      { method: "POST", form },
      tokenResponseSchema,
    );
    return data;
  } catch (error) {
    // 400 invalid_grant (used, revoked or unknown refresh token) means: sign in again.
    if (error instanceof ExistError && error.details.status === 400) {
      throw new ExistError("unauthorized", "Exist no longer accepts this sign-in.");
    }
    throw error;
  }
}
