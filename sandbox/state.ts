/**
 * Everything the sandbox remembers, in memory only: accounts, tokens, codes, faults, the request log.
 */
import { SANDBOX_CLIENT } from "./app-client";
import { RATE_LIMIT, RATE_WINDOW_SECONDS } from "./exist-facts";
import { seedAccounts, type Account } from "./seed";
import { serviceDirectory, type ServiceDirectory } from "./services";

export type SandboxOptions = {
  /** API requests a token may make in one rate window (Exist: 300). */
  rateLimit?: number;
  /**
   * The rate window's length in seconds (Exist: an hour). Windows are aligned to multiples of
   * it since the epoch, so the default resets at the start of every clock hour.
   */
  rateWindowSeconds?: number;
  /** Access token lifetime in seconds (Exist: one year). */
  tokenTtlSeconds?: number;
  /** The OAuth2 client to register; defaults to the built-in sandbox client. */
  client?: { id: string; secret: string };
  /** The app's public origin; the registered redirect URI is `${appUrl}/api/auth/callback/exist`. */
  appUrl?: string;
  /** Origin used for absolute URLs (paging links, avatars); defaults to the request's origin. */
  publicUrl?: string;
  /** Milliseconds since the epoch; injectable so tests can move time. */
  now?: () => number;
};

export type Client = {
  id: string;
  secret: string;
  name: string;
  serviceName: string;
  redirectUri: string;
};

export type AccessToken = {
  account: string;
  clientId: string;
  scopes: string[];
  expiresAt: number;
  refreshToken: string;
};

export type RefreshToken = {
  account: string;
  clientId: string;
  scopes: string[];
  accessToken: string;
};

export type AuthCode = {
  account: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  expiresAt: number;
};

export type Fault = {
  path: string;
  status?: number;
  delayMs?: number;
  times: number;
  body?: string;
  headers?: Record<string, string>;
  drop?: boolean;
};

export type LoggedRequest = {
  method: string;
  path: string;
  query: string;
  status: number;
  /** For a POST whose body is a JSON array: how many objects it held. */
  objects?: number;
  /** When it arrived, ms since the epoch (`state.now()`, the rate limit's clock). */
  at: number;
};

/** Requests a token made in the current rate window, and when that window started. */
export type RateWindow = { start: number; count: number };

export type SandboxState = {
  client: Client;
  services: ServiceDirectory;
  rateLimit: number;
  rateWindowMs: number;
  tokenTtlSeconds: number;
  publicUrl: string | undefined;
  now: () => number;
  accounts: Map<string, Account>;
  tokens: Map<string, AccessToken>;
  refreshTokens: Map<string, RefreshToken>;
  codes: Map<string, AuthCode>;
  faults: Fault[];
  requests: LoggedRequest[];
  /** Per access token, its count in the current rate window. */
  rateWindows: Map<string, RateWindow>;
};

export const DEFAULT_RATE_LIMIT = RATE_LIMIT;
export const DEFAULT_RATE_WINDOW_SECONDS = RATE_WINDOW_SECONDS;
export const DEFAULT_TOKEN_TTL_SECONDS = 31_536_000;
export const DEFAULT_APP_URL = "http://localhost:3000";

export function createState(options: SandboxOptions = {}): SandboxState {
  const appUrl = (options.appUrl ?? DEFAULT_APP_URL).replace(/\/+$/, "");
  const client: Client = {
    id: options.client?.id ?? SANDBOX_CLIENT.id,
    secret: options.client?.secret ?? SANDBOX_CLIENT.secret,
    name: SANDBOX_CLIENT.name,
    serviceName: SANDBOX_CLIENT.serviceName,
    redirectUri: `${appUrl}/api/auth/callback/exist`,
  };
  return {
    client,
    services: serviceDirectory({ name: client.serviceName, label: client.name }),
    rateLimit: options.rateLimit ?? DEFAULT_RATE_LIMIT,
    rateWindowMs: (options.rateWindowSeconds || DEFAULT_RATE_WINDOW_SECONDS) * 1000,
    tokenTtlSeconds: options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS,
    publicUrl: options.publicUrl?.replace(/\/+$/, ""),
    now: options.now ?? Date.now,
    accounts: seedAccounts(),
    tokens: new Map(),
    refreshTokens: new Map(),
    codes: new Map(),
    faults: [],
    requests: [],
    rateWindows: new Map(),
  };
}

/**
 * `POST /__sandbox/reset`: accounts back to their seed (accounts added with `/__sandbox/accounts`
 * are gone); faults and rate limits cleared.
 */
export function resetState(state: SandboxState): void {
  state.accounts = seedAccounts();
  state.faults = [];
  state.rateWindows.clear();
}

/** The origin for absolute URLs: the configured public URL, else the request's own. */
export function originFor(state: SandboxState, requestUrl: string): string {
  return state.publicUrl ?? new URL(requestUrl).origin;
}
