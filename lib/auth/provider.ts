/**
 * next-auth OAuth2 provider for Exist: https://developer.exist.io/reference/authentication/oauth2/
 * The same provider serves exist.io and the sandbox; only EXIST_BASE_URL differs.
 */
import "server-only";
import type { Profile } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { createExistClient, fixedToken } from "@/lib/exist/client";
import type { ExistConfig } from "@/lib/exist/http";
import type { ClientCredentials } from "@/lib/exist/oauth";
import type { ExistProfile } from "@/lib/exist/schemas";
import { displayName } from "@/lib/auth/token";

export function existProvider(
  config: ExistConfig,
  client: ClientCredentials,
  scopes: readonly string[],
): OAuthConfig<ExistProfile> {
  return {
    id: "exist",
    name: "Exist",
    type: "oauth",
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    authorization: {
      url: `${config.baseUrl}/oauth2/authorize`,
      params: { response_type: "code", scope: scopes.join(" ") },
    },
    token: `${config.baseUrl}/oauth2/access_token`,
    // Exist's docs send client_id and client_secret in the form body, not HTTP Basic.
    client: { token_endpoint_auth_method: "client_secret_post" },
    // Exist documents no PKCE support (code_challenge is not a parameter of its authorize
    // endpoint), so the authorization-code flow is protected by the `state` check alone.
    checks: ["state"],
    httpOptions: { timeout: config.timeoutMs },
    userinfo: {
      url: `${config.baseUrl}/api/2/accounts/profile/`,
      // Through our typed client: timeout, zod validation, only the headers we mean to send.
      async request({ tokens }) {
        if (!tokens.access_token) throw new Error("Exist sent no access token");
        const profile = await createExistClient(config, fixedToken(tokens.access_token)).profile();
        return profile as ExistProfile & Profile;
      },
    },
    profile(profile) {
      return {
        id: profile.username,
        username: profile.username,
        name: displayName(profile),
        image: profile.avatar,
      };
    },
  };
}
