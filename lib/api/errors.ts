/**
 * One error envelope for every route handler: `{ error: { code, message } }` (after dub's
 * lib/api/errors.ts). Exist's own error bodies and stack traces never reach the browser.
 */
import "server-only";
import { NextResponse } from "next/server";
import type { ErrorCode, ErrorEnvelope } from "@/lib/api/contract";
import { ExistError, type ExistErrorKind } from "@/lib/exist/errors";
import { logger } from "@/lib/server/logger";

export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  unauthenticated: 401,
  reauth_required: 401,
  forbidden_origin: 403,
  not_found: 404,
  method_not_allowed: 405,
  unsupported_media_type: 415,
  payload_too_large: 413,
  invalid_json: 400,
  validation_failed: 422,
  rate_limited: 429,
  internal_error: 500,
  upstream_error: 502,
  upstream_timeout: 504,
  outcome_unknown: 502,
  history_unavailable: 503,
  not_owned: 409,
  conflict: 409,
};

export const REAUTH_MESSAGE =
  "Your Exist sign-in has expired or was revoked. Sign in with Exist again.";

const CODE_BY_EXIST_KIND: Record<ExistErrorKind, ErrorCode> = {
  unauthorized: "reauth_required",
  rate_limited: "rate_limited",
  upstream: "upstream_error",
  timeout: "upstream_timeout",
  invalid_response: "upstream_error",
};

/** Our API's error code for a failure talking to Exist. */
export function errorCodeFor(error: ExistError): ErrorCode {
  return CODE_BY_EXIST_KIND[error.kind];
}

/**
 * After a write was sent: whether Exist may have acted on it. No answer in time, a lost
 * connection, an answer we could not read or Exist's own 5xx leave it open; a 401, a 429 or
 * another 4xx is a refusal of the whole call.
 */
export function outcomeUnknown(error: unknown): boolean {
  if (!(error instanceof ExistError)) return false;
  if (error.kind === "timeout" || error.kind === "invalid_response") return true;
  const status = error.details.status;
  return error.kind === "upstream" && (status === undefined || status >= 500);
}

export const OUTCOME_UNKNOWN_MESSAGE =
  "Exist did not confirm the write, so it may or may not have been made. Check the day's value before trying again.";

export class ApiError extends Error {
  override name = "ApiError";

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function errorResponse(
  code: ErrorCode,
  message: string,
  headers: Record<string, string> = {},
): NextResponse<ErrorEnvelope> {
  return NextResponse.json<ErrorEnvelope>(
    { error: { code, message } },
    { status: STATUS_BY_CODE[code], headers: { "Cache-Control": "no-store", ...headers } },
  );
}

/** Any error thrown while handling a request, as the envelope. */
export function handleApiError(error: unknown): NextResponse<ErrorEnvelope> {
  if (error instanceof ApiError) return errorResponse(error.code, error.message, error.headers);
  if (error instanceof ExistError) {
    if (error.kind === "unauthorized") return errorResponse("reauth_required", REAUTH_MESSAGE);
    const retryAfter = error.details.retryAfter;
    return errorResponse(
      errorCodeFor(error),
      error.message,
      retryAfter === undefined ? {} : { "Retry-After": String(retryAfter) },
    );
  }
  logger.failure("Unexpected error in a route handler", error);
  return errorResponse("internal_error", "Something went wrong on our side.");
}
