/**
 * Access and refresh tokens. Exist's tokens are 40 hex characters and last a year; a refresh
 * rotates both and kills the old pair: https://developer.exist.io/reference/authentication/oauth2/
 */
import { randomBytes } from "node:crypto";
import type { AccessToken, SandboxState } from "./state";

export type TokenResponse = {
  access_token: string;
  token_type: "Bearer";
  expires_in: number;
  refresh_token: string;
  scope: string;
};

export function randomToken(): string {
  return randomBytes(20).toString("hex");
}

export function issueTokens(
  state: SandboxState,
  account: string,
  clientId: string,
  scopes: string[],
): TokenResponse {
  const accessToken = randomToken();
  const refreshToken = randomToken();
  state.tokens.set(accessToken, {
    account,
    clientId,
    scopes,
    expiresAt: state.now() + state.tokenTtlSeconds * 1000,
    refreshToken,
  });
  state.refreshTokens.set(refreshToken, { account, clientId, scopes, accessToken });
  return {
    access_token: accessToken,
    token_type: "Bearer",
    expires_in: state.tokenTtlSeconds,
    refresh_token: refreshToken,
    scope: scopes.join(" "),
  };
}

/** Exchanges a refresh token for a new pair; null when it is unknown or not this client's. */
export function rotateTokens(
  state: SandboxState,
  refreshToken: string,
  clientId: string,
): TokenResponse | null {
  const record = state.refreshTokens.get(refreshToken);
  if (!record || record.clientId !== clientId) return null;
  state.refreshTokens.delete(refreshToken);
  state.tokens.delete(record.accessToken);
  state.rateWindows.delete(record.accessToken);
  return issueTokens(state, record.account, record.clientId, record.scopes);
}

export type TokenCheck =
  { ok: true; value: string; token: AccessToken } | { ok: false; detail: string };

/** Reads `Authorization: Bearer <token>` the way DRF words its failures. */
export function checkBearer(state: SandboxState, header: string | undefined): TokenCheck {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  if (!match?.[1]) {
    return { ok: false, detail: "Authentication credentials were not provided." };
  }
  const token = state.tokens.get(match[1]);
  if (!token) return { ok: false, detail: "Invalid token." };
  if (token.expiresAt <= state.now()) return { ok: false, detail: "Token has expired." };
  return { ok: true, value: match[1], token };
}

/** `POST /__sandbox/tokens/expire`: the account's access tokens expire now; refresh still works. */
export function expireTokens(state: SandboxState, account: string): void {
  for (const token of state.tokens.values()) {
    if (token.account === account) token.expiresAt = state.now();
  }
}

/** `POST /__sandbox/tokens/revoke`: every token of the account stops working. */
export function revokeTokens(state: SandboxState, account: string): void {
  for (const [value, token] of state.tokens) {
    if (token.account === account) state.tokens.delete(value);
  }
  for (const [value, token] of state.refreshTokens) {
    if (token.account === account) state.refreshTokens.delete(value);
  }
}
