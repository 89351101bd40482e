import { describe, expect, it } from "vitest";
import { SANDBOX_CLIENT } from "./app-client";
import { CODE_TTL_MS } from "./oauth";
import { json, setup } from "./test-helpers";
import type { TokenResponse } from "./tokens";

const REDIRECT = "http://localhost:3000/api/auth/callback/exist";
const client = { client_id: SANDBOX_CLIENT.id, client_secret: SANDBOX_CLIENT.secret };

function authorizeQuery(overrides: Record<string, string> = {}) {
  return new URLSearchParams({
    response_type: "code",
    client_id: SANDBOX_CLIENT.id,
    redirect_uri: REDIRECT,
    scope: "activity_read mood_write manual_read",
    state: "st/ate+1=",
    ...overrides,
  });
}

function redirectParams(response: Response) {
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get("Location") ?? "");
  expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
  return Object.fromEntries(location.searchParams);
}

function oauthSandbox(options: Parameters<typeof setup>[0] = {}) {
  const sandbox = setup(options);
  const form = (path: string, fields: Record<string, string>, headers: HeadersInit = {}) =>
    sandbox.call(path, { method: "POST", body: new URLSearchParams(fields), headers });
  /** Posts the consent form with `grant` ticked (by default every requested scope, as the page does). */
  const decide = (
    decision: "allow" | "deny",
    overrides: Record<string, string> = {},
    grant?: readonly string[],
  ) => {
    const fields = new URLSearchParams({
      ...Object.fromEntries(authorizeQuery(overrides)),
      account: "demo",
      decision,
    });
    for (const scope of grant ?? (fields.get("scope") ?? "").split(" ")) {
      fields.append("grant", scope);
    }
    return sandbox.call("/oauth2/authorize", { method: "POST", body: fields });
  };
  const code = async () => redirectParams(await decide("allow")).code ?? "";
  const exchange = (fields: Record<string, string>, headers?: HeadersInit) =>
    form("/oauth2/access_token", fields, headers);
  const byCode = (value: string, redirectUri = REDIRECT) =>
    exchange({
      grant_type: "authorization_code",
      code: value,
      redirect_uri: redirectUri,
      ...client,
    });
  const refresh = (refreshToken: string) =>
    exchange({ grant_type: "refresh_token", refresh_token: refreshToken, ...client });
  return { ...sandbox, decide, code, exchange, byCode, refresh };
}

describe("GET /oauth2/authorize", () => {
  it("shows a consent page naming the client, Exist's scope wording and the accounts", async () => {
    const sandbox = oauthSandbox();
    const response = await sandbox.call(
      `/oauth2/authorize?${authorizeQuery({ scope: "activity_read+activity_write+manual_read" })}`,
    );
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Exist Ownership");
    // One ticked checkbox per requested scope, labelled in Exist's wording.
    expect(html).toContain(
      '<label><input type="checkbox" name="grant" value="activity_read" checked> Read your Activity data</label>',
    );
    expect(html).toContain(
      '<label><input type="checkbox" name="grant" value="activity_write" checked> Write your Activity data</label>',
    );
    expect(html).toContain(
      '<label><input type="checkbox" name="grant" value="manual_read" checked> Read any manually tracked attribute</label>',
    );
    expect(html.match(/type="checkbox"/g)).toHaveLength(3);
    expect(html).toMatch(
      /<input type="radio" name="account" value="demo" checked> demo – Demo User/,
    );
    expect(html).toMatch(/<button[^>]*value="allow">Allow<\/button>/);
    expect(html).toMatch(/<button[^>]*value="deny">Deny<\/button>/);
    expect(html).toContain("prefers-color-scheme: dark");
    expect(html).not.toMatch(/<(link|script)|src="http/);
  });

  it("answers 400 with an error page, not a redirect, for an unknown client or redirect URI", async () => {
    const sandbox = oauthSandbox();
    const cases: Array<Record<string, string>> = [
      { client_id: "someone-else" },
      { redirect_uri: `${REDIRECT}/` },
      { redirect_uri: "https://evil.example/api/auth/callback/exist" },
    ];
    for (const overrides of cases) {
      const response = await sandbox.call(`/oauth2/authorize?${authorizeQuery(overrides)}`);
      expect(response.status).toBe(400);
      expect(response.headers.get("Location")).toBeNull();
      expect(response.headers.get("Content-Type")).toContain("text/html");
    }
  });

  it("redirects with unsupported_response_type and invalid_scope, echoing state", async () => {
    const sandbox = oauthSandbox();
    const token = await sandbox.call(
      `/oauth2/authorize?${authorizeQuery({ response_type: "token" })}`,
    );
    expect(redirectParams(token)).toEqual({
      error: "unsupported_response_type",
      state: "st/ate+1=",
    });
    const scope = await sandbox.call(
      `/oauth2/authorize?${authorizeQuery({ scope: "activity_read email" })}`,
    );
    expect(redirectParams(scope)).toEqual({ error: "invalid_scope", state: "st/ate+1=" });
  });
});

describe("POST /oauth2/authorize (consent)", () => {
  it("Allow redirects with a code and the exact state; Deny with access_denied", async () => {
    const sandbox = oauthSandbox();
    const allowed = redirectParams(await sandbox.decide("allow"));
    expect(allowed.state).toBe("st/ate+1=");
    expect(allowed.code).toMatch(/^[0-9a-f]{40}$/);
    expect(redirectParams(await sandbox.decide("deny"))).toEqual({
      error: "access_denied",
      state: "st/ate+1=",
    });
  });
});

describe("partial consent (scopes unticked on the consent page)", () => {
  it("grants only the ticked scopes: the token response and the API both follow them", async () => {
    const sandbox = oauthSandbox();
    const { code = "" } = redirectParams(
      await sandbox.decide("allow", { scope: "activity_read activity_write mood_read" }, [
        "mood_read",
        "activity_read",
      ]),
    );
    const tokens = await json<TokenResponse>(await sandbox.byCode(code));
    expect(tokens.scope).toBe("activity_read mood_read");
    const acquire = await sandbox.call("/api/2/attributes/acquire/", {
      method: "POST",
      headers: {
        Authorization: `Bearer ${tokens.access_token}`,
        "Content-Type": "application/json",
      },
      body: JSON.stringify([{ name: "steps" }]),
    });
    const body = await json<{ failed: Array<{ error: string }> }>(acquire);
    expect(body.failed[0]?.error).toBe(
      "Missing scope 'activity_write' to acquire attribute 'steps'",
    );
  });

  it("ignores ticked scopes that were not requested, and treats nothing ticked as Deny", async () => {
    const sandbox = oauthSandbox();
    const { code = "" } = redirectParams(
      await sandbox.decide("allow", { scope: "mood_read" }, ["mood_read", "health_write"]),
    );
    expect((await json<TokenResponse>(await sandbox.byCode(code))).scope).toBe("mood_read");
    expect(redirectParams(await sandbox.decide("allow", {}, []))).toEqual({
      error: "access_denied",
      state: "st/ate+1=",
    });
  });
});

describe("POST /oauth2/access_token", () => {
  it("exchanges a code once, for 40-hex tokens with the granted scope", async () => {
    const sandbox = oauthSandbox({ tokenTtlSeconds: 1234 });
    const code = await sandbox.code();
    const first = await sandbox.byCode(code);
    expect(first.status).toBe(200);
    const tokens = await json<TokenResponse>(first);
    expect(tokens).toEqual({
      access_token: expect.stringMatching(/^[0-9a-f]{40}$/),
      refresh_token: expect.stringMatching(/^[0-9a-f]{40}$/),
      token_type: "Bearer",
      expires_in: 1234,
      scope: "activity_read mood_write manual_read",
    });
    const again = await sandbox.byCode(code);
    expect(again.status).toBe(400);
    expect(await json(again)).toEqual({ error: "invalid_grant" });
    const profile = await sandbox.get("/api/2/accounts/profile/", tokens.access_token);
    expect((await json<{ username: string }>(profile)).username).toBe("demo");
  });

  it("binds the code to the exact redirect URI and expires it after ten minutes", async () => {
    let now = 1_000_000;
    const sandbox = oauthSandbox({ now: () => now });
    const wrongUri = await sandbox.byCode(await sandbox.code(), `${REDIRECT}?x=1`);
    expect(await json(wrongUri)).toEqual({ error: "invalid_grant" });
    const late = await sandbox.code();
    now += CODE_TTL_MS + 1;
    expect(await json(await sandbox.byCode(late))).toEqual({ error: "invalid_grant" });
  });

  it("rotates both tokens on refresh; the old access and refresh tokens stop working", async () => {
    const sandbox = oauthSandbox();
    const old = await json<TokenResponse>(await sandbox.byCode(await sandbox.code()));
    const fresh = await json<TokenResponse>(await sandbox.refresh(old.refresh_token));
    expect(fresh.access_token).not.toBe(old.access_token);
    expect(fresh.refresh_token).not.toBe(old.refresh_token);
    expect((await sandbox.get("/api/2/accounts/profile/", old.access_token)).status).toBe(401);
    expect((await sandbox.get("/api/2/accounts/profile/", fresh.access_token)).status).toBe(200);
    const reused = await sandbox.refresh(old.refresh_token);
    expect(reused.status).toBe(400);
    expect(await json(reused)).toEqual({ error: "invalid_grant" });
  });

  it("answers invalid_client, unsupported_grant_type and invalid_request; accepts HTTP Basic", async () => {
    const sandbox = oauthSandbox();
    const code = await sandbox.code();
    const wrongSecret = await sandbox.exchange({
      grant_type: "authorization_code",
      code,
      redirect_uri: REDIRECT,
      client_id: SANDBOX_CLIENT.id,
      client_secret: "wrong",
    });
    expect(wrongSecret.status).toBe(400);
    expect(await json(wrongSecret)).toEqual({ error: "invalid_client" });
    expect(await json(await sandbox.exchange({ grant_type: "password", ...client }))).toEqual({
      error: "unsupported_grant_type",
    });
    expect(await json(await sandbox.exchange({ ...client }))).toEqual({ error: "invalid_request" });
    const basic = Buffer.from(`${SANDBOX_CLIENT.id}:${SANDBOX_CLIENT.secret}`).toString("base64");
    const viaBasic = await sandbox.exchange(
      { grant_type: "authorization_code", code, redirect_uri: REDIRECT },
      { Authorization: `Basic ${basic}` },
    );
    expect(viaBasic.status).toBe(200);
  });

  it("registers EXIST_CLIENT_ID's client and APP_URL's callback instead of the defaults", async () => {
    const sandbox = setup({
      client: { id: "real-id", secret: "s" },
      appUrl: "http://app.test:3100",
    });
    const query = authorizeQuery({
      client_id: "real-id",
      redirect_uri: "http://app.test:3100/api/auth/callback/exist",
    });
    expect((await sandbox.call(`/oauth2/authorize?${query}`)).status).toBe(200);
    const old = authorizeQuery();
    expect((await sandbox.call(`/oauth2/authorize?${old}`)).status).toBe(400);
  });
});

describe("API authentication", () => {
  it("answers 401 with a detail for a missing, unknown, expired or revoked token", async () => {
    const sandbox = oauthSandbox();
    const missing = await sandbox.call("/api/2/attributes/");
    expect(missing.status).toBe(401);
    expect(await json(missing)).toEqual({ detail: expect.any(String) });
    expect((await sandbox.get("/api/2/attributes/", "0".repeat(40))).status).toBe(401);

    const expiring = await sandbox.token();
    await sandbox.control("/__sandbox/tokens/expire", { account: "demo" });
    expect((await sandbox.get("/api/2/attributes/", expiring.access_token)).status).toBe(401);
    const refreshed = await sandbox.refresh(expiring.refresh_token);
    expect(refreshed.status).toBe(200);

    const revoked = await json<TokenResponse>(refreshed);
    await sandbox.control("/__sandbox/tokens/revoke", { account: "demo" });
    expect((await sandbox.get("/api/2/attributes/", revoked.access_token)).status).toBe(401);
    expect(await json(await sandbox.refresh(revoked.refresh_token))).toEqual({
      error: "invalid_grant",
    });
  });
});
