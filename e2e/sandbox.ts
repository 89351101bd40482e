/**
 * The sandbox's test controls (listed in sandbox/README.md), for Playwright tests and benchmarks.
 */
import { SANDBOX_URL } from "./env";

export type SandboxRequest = {
  method: string;
  path: string;
  query: string;
  status: number;
  /** On API POSTs whose body is a JSON array: how many objects it held. */
  objects?: number;
};
/** Per `"<METHOD> <path>"`: calls, objects sent in all of them, and calls per status. */
export type SandboxRequestSummary = Record<
  string,
  { calls: number; objects: number; statuses: Record<string, number> }
>;
export type SandboxFault = {
  path: string;
  status?: number;
  delayMs?: number;
  times?: number;
  /** Raw body to answer with instead of the usual one (e.g. invalid JSON). */
  body?: string;
  headers?: Record<string, string>;
  /** Destroy the connection without answering (Exist gone away). */
  drop?: boolean;
};
export type TokenResponse = {
  access_token: string;
  refresh_token: string;
  token_type: string;
  expires_in: number;
  scope: string;
};

async function control<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${SANDBOX_URL}${path}`, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`sandbox ${method} ${path} → ${response.status}: ${await response.text()}`);
  }
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const sandbox = {
  url: SANDBOX_URL,
  reset: () => control<unknown>("POST", "/__sandbox/reset"),
  token: (account: string, scope?: string) =>
    control<TokenResponse>("POST", "/__sandbox/token", { account, scope }),
  fault: (fault: SandboxFault) => control<unknown>("POST", "/__sandbox/faults", fault),
  clearFaults: () => control<unknown>("DELETE", "/__sandbox/faults"),
  expireTokens: (account: string) =>
    control<unknown>("POST", "/__sandbox/tokens/expire", { account }),
  revokeTokens: (account: string) =>
    control<unknown>("POST", "/__sandbox/tokens/revoke", { account }),
  setOwner: (account: string, attribute: string, service: string | null) =>
    control<unknown>("POST", "/__sandbox/owner", { account, attribute, service }),
  /** A fresh copy of seeded account `from` named `name`; removed again by reset. */
  addAccount: (name: string, from: string) =>
    control<{ username: string; attributes: number }>("POST", "/__sandbox/accounts", {
      name,
      from,
    }),
  state: (account: string) =>
    control<{ count: number; results: SandboxAttribute[] }>(
      "GET",
      `/__sandbox/state?account=${encodeURIComponent(account)}`,
    ).then((page) => page.results),
  /** The request log, oldest first; with `path` (as sent, e.g. `/api/2/attributes/update/`) only those. */
  requests: (path?: string) =>
    control<SandboxRequest[]>(
      "GET",
      path ? `/__sandbox/requests?path=${encodeURIComponent(path)}` : "/__sandbox/requests",
    ),
  requestSummary: () => control<SandboxRequestSummary>("GET", "/__sandbox/requests/summary"),
  clearRequests: () => control<unknown>("DELETE", "/__sandbox/requests"),
};

export type SandboxAttribute = {
  template: string | null;
  name: string;
  label: string;
  group: { name: string; label: string; priority: number };
  service: { name: string; label: string } | null;
  active: boolean;
  priority: number;
  manual: boolean;
  available_services: Array<{ name: string; label: string }>;
};
