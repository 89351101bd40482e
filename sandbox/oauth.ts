/**
 * Exist's OAuth2 authorisation-code flow: https://developer.exist.io/reference/authentication/oauth2/
 * Where the docs are silent we follow RFC 6749 (error codes, exact redirect URI match).
 */
import { Hono, type Context } from "hono";
import { z } from "zod";
import { rememberAccount } from "./account-page";
import { consentPage, errorPage } from "./consent-page";
import { parseScopes, unknownScopes } from "./scopes";
import type { SandboxState } from "./state";
import { randomToken } from "./tokens";
import { exchangeToken, text } from "./token-endpoint";

/** Codes are single-use and live ten minutes. */
export const CODE_TTL_MS = 10 * 60 * 1000;

const authorizeSchema = z.object({
  response_type: text,
  client_id: text,
  redirect_uri: text,
  scope: text,
  state: text,
  account: text,
  decision: text,
});

type AuthorizeParams = z.infer<typeof authorizeSchema>;

function redirectWith(c: Context, redirectUri: string, params: Record<string, string | undefined>) {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) url.searchParams.set(name, value);
  }
  return c.redirect(url.toString(), 302);
}

/**
 * Checks an authorisation request. A bad client or redirect URI gets an error page and no redirect
 * (redirecting would hand the user to an unknown site); other errors go back to the client.
 */
type Checked = { response: Response } | { redirectUri: string; scopes: string[] };

function checkRequest(c: Context, state: SandboxState, params: AuthorizeParams): Checked {
  if (params.client_id !== state.client.id) {
    return { response: c.html(errorPage("Unknown client_id."), 400) };
  }
  const redirectUri = params.redirect_uri;
  if (redirectUri !== state.client.redirectUri) {
    return {
      response: c.html(errorPage("redirect_uri is not registered for this client."), 400),
    };
  }
  if (params.response_type !== "code") {
    const error = params.response_type ? "unsupported_response_type" : "invalid_request";
    return { response: redirectWith(c, redirectUri, { error, state: params.state }) };
  }
  const scopes = parseScopes(params.scope);
  if (scopes.length === 0 || unknownScopes(scopes).length > 0) {
    return {
      response: redirectWith(c, redirectUri, { error: "invalid_scope", state: params.state }),
    };
  }
  return { redirectUri, scopes };
}

/**
 * The requested scopes the person left ticked on the consent page (`grant` fields), in the
 * requested order. Exist lets a person grant fewer scopes than asked for; granting none is Deny.
 */
export function grantedScopes(requested: readonly string[], ticked: unknown): string[] {
  const values = Array.isArray(ticked) ? ticked : [ticked];
  const kept = new Set(values.filter((value): value is string => typeof value === "string"));
  return requested.filter((scope) => kept.has(scope));
}

export function createOAuth(state: SandboxState) {
  const oauth = new Hono({ strict: false });

  oauth.get("/authorize", (c) => {
    const params = authorizeSchema.parse(c.req.query());
    const checked = checkRequest(c, state, params);
    if ("response" in checked) return checked.response;
    const accounts = [...state.accounts.values()].map(({ profile }) => ({
      username: profile.username,
      name: `${profile.first_name} ${profile.last_name}`.trim(),
    }));
    const hidden = {
      response_type: "code",
      client_id: state.client.id,
      redirect_uri: checked.redirectUri,
      scope: checked.scopes.join(" "),
      ...(params.state === undefined ? {} : { state: params.state }),
    };
    const view = {
      clientName: state.client.name,
      scopes: checked.scopes,
      accounts,
      params: hidden,
    };
    return c.html(consentPage({ ...view, selected: "demo" }));
  });

  oauth.post("/authorize", async (c) => {
    const body = await c.req.parseBody({ all: true });
    const params = authorizeSchema.parse(body);
    const checked = checkRequest(c, state, params);
    if ("response" in checked) return checked.response;
    const scopes = grantedScopes(checked.scopes, body.grant);
    if (params.decision !== "allow" || scopes.length === 0) {
      return redirectWith(c, checked.redirectUri, { error: "access_denied", state: params.state });
    }
    const account = params.account ?? "";
    if (!state.accounts.has(account)) {
      return c.html(errorPage(`Unknown account '${account}'.`), 400);
    }
    const code = randomToken();
    state.codes.set(code, {
      account,
      clientId: state.client.id,
      redirectUri: checked.redirectUri,
      scopes,
      expiresAt: state.now() + CODE_TTL_MS,
    });
    // Exist's own pages (sandbox/account-page.ts) know who signed in.
    rememberAccount(c, account);
    return redirectWith(c, checked.redirectUri, { code, state: params.state });
  });

  oauth.post("/access_token", (c) => exchangeToken(c, state));

  return oauth;
}
