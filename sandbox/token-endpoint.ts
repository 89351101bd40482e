/**
 * `POST /oauth2/access_token`: authorization_code and refresh_token grants.
 * Client credentials come in the form (as Exist documents) or, as a convenience, HTTP Basic.
 */
import type { Context } from "hono";
import { z } from "zod";
import type { SandboxState } from "./state";
import { issueTokens, rotateTokens } from "./tokens";

/** A form field: a string, or undefined when absent or not text. */
export const text = z.string().optional().catch(undefined);

const tokenRequestSchema = z.object({
  grant_type: text,
  code: text,
  redirect_uri: text,
  refresh_token: text,
  client_id: text,
  client_secret: text,
});

type TokenError = "invalid_grant" | "invalid_client" | "unsupported_grant_type" | "invalid_request";

function tokenError(c: Context, error: TokenError) {
  c.header("Cache-Control", "no-store");
  return c.json({ error }, 400);
}

async function readForm(c: Context): Promise<unknown> {
  const type = c.req.header("Content-Type") ?? "";
  if (type.includes("application/json")) return c.req.json().catch(() => ({}));
  return c.req.parseBody().catch(() => ({}));
}

/** `Authorization: Basic base64(id:secret)`, each part form-URL-encoded (RFC 6749 §2.3.1). */
function basicCredentials(header: string | undefined): { id?: string; secret?: string } {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? "");
  if (!match?.[1]) return {};
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return {};
  const decode = (part: string) => decodeURIComponent(part.replace(/\+/g, " "));
  try {
    return { id: decode(decoded.slice(0, colon)), secret: decode(decoded.slice(colon + 1)) };
  } catch {
    return {};
  }
}

export async function exchangeToken(c: Context, state: SandboxState) {
  const form = tokenRequestSchema.parse(await readForm(c));
  if (!form.grant_type) return tokenError(c, "invalid_request");
  const basic = basicCredentials(c.req.header("Authorization"));
  const clientId = form.client_id ?? basic.id;
  const clientSecret = form.client_secret ?? basic.secret;
  if (clientId !== state.client.id || clientSecret !== state.client.secret) {
    return tokenError(c, "invalid_client");
  }
  c.header("Cache-Control", "no-store");

  if (form.grant_type === "authorization_code") {
    if (!form.code || !form.redirect_uri) return tokenError(c, "invalid_request");
    const code = state.codes.get(form.code);
    // Single use: a code is spent the first time anyone presents it, whatever the outcome.
    state.codes.delete(form.code);
    const valid =
      code !== undefined &&
      code.expiresAt > state.now() &&
      code.clientId === clientId &&
      code.redirectUri === form.redirect_uri;
    if (!valid) return tokenError(c, "invalid_grant");
    return c.json(issueTokens(state, code.account, clientId, code.scopes));
  }

  if (form.grant_type === "refresh_token") {
    if (!form.refresh_token) return tokenError(c, "invalid_request");
    const tokens = rotateTokens(state, form.refresh_token, clientId);
    return tokens ? c.json(tokens) : tokenError(c, "invalid_grant");
  }

  return tokenError(c, "unsupported_grant_type");
}
