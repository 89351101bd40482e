/**
 * The wrapper every route handler of app/api/ goes through: validate the request, find the
 * session, call Exist through the typed client, answer; errors as the one envelope; a refreshed
 * session written back to the cookie on the same response.
 */
import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { env } from "@/lib/env";
import { ApiError, REAUTH_MESSAGE, errorResponse, handleApiError } from "@/lib/api/errors";
import { logApiCall } from "@/lib/api/log";
import { countOwnCalls } from "@/lib/api/rate/own-calls";
import {
  parseJson,
  readBodyText,
  requireJsonContentType,
  requireSameOrigin,
  validate,
} from "@/lib/api/request";
import { readSessionToken, sessionCookieValue, writeSessionToken } from "@/lib/auth/cookie";
import { refreshTokens, withRecentRefresh } from "@/lib/auth/refresh";
import { SessionTokens } from "@/lib/auth/session-tokens";
import { refreshSharedWithImports } from "@/lib/api/imports/import-tokens";
import type { SessionToken } from "@/lib/auth/token";
import { countExistCalls } from "@/lib/exist/call-stats";
import { createExistClient, type ExistClient } from "@/lib/exist/client";
import { existConfig } from "@/lib/exist/config";
import { shuttingDown } from "@/lib/server/shutdown";

export type HandlerContext<Body> = {
  request: NextRequest;
  exist: ExistClient;
  /** The session as the request brought it (before any refresh). Server-side only. */
  session: SessionToken;
  /** The scopes Exist granted this session. */
  scopes: readonly string[];
  body: Body;
  /** The session's tokens now (after any refresh this request made): an import keeps them. */
  currentTokens: () => SessionToken;
};

type Options<S extends z.ZodType | undefined> = {
  /** For state-changing routes: the JSON body's schema (origin, type, size checks come first). */
  body?: S;
  /** The body's size limit in bytes, when a route takes more than MAX_BODY_BYTES (an import). */
  maxBodyBytes?: number;
};

type Body<S> = S extends z.ZodType ? z.infer<S> : undefined;

export function withSession<S extends z.ZodType | undefined = undefined>(
  options: Options<S>,
  run: (context: HandlerContext<Body<S>>) => Promise<NextResponse>,
): (request: NextRequest) => Promise<NextResponse> {
  return async (request) => {
    const started = performance.now();
    let username: string | undefined;
    const { result: response, stats } = await countExistCalls(() =>
      answer(request, options, run, (name) => (username = name)),
    );
    // The person's own calls share Exist's limit with their imports (lib/api/rate/).
    if (username && stats.calls > 0) countOwnCalls(username, stats.calls);
    logApiCall({
      method: request.method,
      route: request.nextUrl.pathname,
      status: response.status,
      ms: performance.now() - started,
      exist: stats,
    });
    return response;
  };
}

async function answer<S extends z.ZodType | undefined>(
  request: NextRequest,
  options: Options<S>,
  run: (context: HandlerContext<Body<S>>) => Promise<NextResponse>,
  signedIn: (username: string) => void,
): Promise<NextResponse> {
  let tokens: SessionTokens | undefined;
  let response: NextResponse;
  try {
    // Nothing goes to Exist before every check on the request has passed.
    const body = (
      options.body ? await readJsonBody(request, options.body, options.maxBodyBytes) : undefined
    ) as Body<S>;
    const cookie = await readSessionToken(sessionCookieValue(request.cookies));
    if (!cookie) throw new ApiError("unauthenticated", "Sign in with Exist first.");
    signedIn(cookie.username);
    const token = withRecentRefresh(cookie);
    if (token.error) throw new ApiError("reauth_required", REAUTH_MESSAGE);
    tokens = new SessionTokens(
      token,
      (refreshToken) => refreshTokens(refreshToken, refreshSharedWithImports(token.username)),
      token !== cookie,
    );
    const exist = createExistClient(existConfig(), tokens);
    const current = tokens;
    response = await run({
      request,
      exist,
      session: token,
      scopes: token.scopes,
      body,
      currentTokens: () => current.token,
    });
  } catch (error) {
    response = handleApiError(error);
  }
  response.headers.set("Cache-Control", "private, no-store");
  // The connection is not kept for another request: the server is waiting for it to close.
  if (shuttingDown()) response.headers.set("Connection", "close");
  if (tokens?.changed) await writeSessionToken(response, tokens.token, request.cookies);
  return response;
}

let appOrigin: string | undefined;

async function readJsonBody<S extends z.ZodType>(
  request: NextRequest,
  schema: S,
  maxBodyBytes?: number,
) {
  requireSameOrigin(request.headers, (appOrigin ??= new URL(env().appUrl).origin));
  requireJsonContentType(request.headers);
  return validate(schema, parseJson(await readBodyText(request, maxBodyBytes)));
}

/** A handler for the methods a route does not serve: 405 in the envelope, with `Allow`. */
export function methodNotAllowed(allowed: readonly string[]) {
  return async (request: NextRequest): Promise<NextResponse> =>
    errorResponse(
      "method_not_allowed",
      `${request.method} is not allowed here; use ${allowed.join(" or ")}.`,
      { Allow: allowed.join(", ") },
    );
}

/** OPTIONS: the methods the route serves, and nothing for other origins (no CORS headers). */
export function allowedMethods(allowed: readonly string[]) {
  return async (): Promise<NextResponse> =>
    new NextResponse(null, { status: 204, headers: { Allow: [...allowed, "OPTIONS"].join(", ") } });
}
