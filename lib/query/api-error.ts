import type { ErrorCode, ErrorEnvelope } from "@/lib/api/contract";

/** A non-2xx answer of our own route handlers, read from the shared error envelope. */
export class ApiResponseError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | "network_error",
    message: string,
    /** From `Retry-After` on 429: when Exist will take requests again. */
    readonly retryAt: Date | null = null,
  ) {
    super(message);
    this.name = "ApiResponseError";
  }

  get sessionEnded(): boolean {
    return this.status === 401;
  }
}

/**
 * When to try again, as the page shows it. `Retry-After` is either delta-seconds or an HTTP date
 * (RFC 9110 §10.2.3).
 */
export function retryAtFromHeader(value: string | null, now = new Date()): Date | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return new Date(now.getTime() + Number(trimmed) * 1000);
  const date = new Date(trimmed);
  return Number.isNaN(date.getTime()) ? null : date;
}

function isEnvelope(body: unknown): body is ErrorEnvelope {
  if (typeof body !== "object" || body === null || !("error" in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === "object" && error !== null && "code" in error && "message" in error;
}

export async function toApiResponseError(response: Response): Promise<ApiResponseError> {
  const body: unknown = await response.json().catch(() => null);
  const retryAt = retryAtFromHeader(response.headers.get("Retry-After"));
  if (isEnvelope(body)) {
    return new ApiResponseError(response.status, body.error.code, body.error.message, retryAt);
  }
  return new ApiResponseError(
    response.status,
    "internal_error",
    `Request failed (${response.status})`,
  );
}

/** "in about 3 minutes (at 14:05)", for rate limits. */
export function describeRetryAt(retryAt: Date | null, now = new Date()): string {
  if (!retryAt) return "Try again in a few minutes.";
  const minutes = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
  const time = retryAt.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  const span = minutes === 1 ? "about a minute" : `about ${minutes} minutes`;
  return `Try again in ${span} (at ${time}).`;
}

/** One sentence for a failed request, as the user should read it. */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiResponseError)) return "Something went wrong. Please try again.";
  switch (error.code) {
    case "unauthenticated":
    case "reauth_required":
      return "Your Exist session has ended. Sign in with Exist again.";
    case "rate_limited":
      return `Exist is limiting how often this app may ask. ${describeRetryAt(error.retryAt)}`;
    case "upstream_error":
      return "Exist could not be reached. Nothing was changed; please try again.";
    case "upstream_timeout":
      return "Exist did not answer in time. Please try again.";
    case "network_error":
      return "This app's server could not be reached. Check your connection and try again.";
    default:
      return error.message;
  }
}

/** Why a change did not happen, as a dialog or banner shows it. */
export type Problem = {
  message: string;
  sessionEnded?: boolean;
  /** Exist refused for want of this group's `_write` scope: offer to ask for it. */
  allowWriting?: string;
};

export function problemFrom(error: unknown): Problem {
  const sessionEnded = error instanceof ApiResponseError && error.sessionEnded;
  return { message: describeError(error), sessionEnded };
}
