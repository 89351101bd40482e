/**
 * In-process helpers for the sandbox's unit tests: a fresh app per test, called with `app.request`.
 */
import type { AttributeJson } from "./attributes";
import { createSandbox, type SandboxOptions } from "./server";
import type { TokenResponse } from "./tokens";

export const ORIGIN = "http://127.0.0.1:4010";

export type Page<T> = { count: number; next: string | null; previous: string | null; results: T[] };
export type OwnershipBody = {
  success: Array<Record<string, unknown>>;
  failed: Array<Record<string, unknown>>;
};

export function setup(options: SandboxOptions = {}) {
  const { app, state } = createSandbox({ publicUrl: ORIGIN, ...options });

  const call = (path: string, init: RequestInit = {}) => app.request(`${ORIGIN}${path}`, init);

  const control = (path: string, body?: unknown, method = "POST") =>
    call(path, {
      method,
      headers: { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  const token = async (account = "demo", scope?: string): Promise<TokenResponse> => {
    const response = await control("/__sandbox/token", { account, scope });
    if (!response.ok) throw new Error(`token: ${response.status} ${await response.text()}`);
    return (await response.json()) as TokenResponse;
  };

  const get = (path: string, accessToken: string) =>
    call(path, { headers: { Authorization: `Bearer ${accessToken}` } });

  const post = (path: string, accessToken: string, body: unknown) =>
    call(path, {
      method: "POST",
      headers: { Authorization: `Bearer ${accessToken}`, "Content-Type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });

  const stateOf = async (account = "demo") => {
    const response = await call(`/__sandbox/state?account=${account}`);
    return ((await response.json()) as Page<AttributeJson>).results;
  };

  const attribute = async (name: string, account = "demo") =>
    (await stateOf(account)).find((candidate) => candidate.name === name);

  return { app, state, call, control, token, get, post, stateOf, attribute };
}

export async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}
