/**
 * What can go wrong talking to Exist, as one typed error. Route handlers turn it into our own
 * error envelope (lib/api/errors.ts); Exist's raw bodies never travel further than here.
 */
import type { ErrorCode } from "@/lib/api/contract";

export type ExistErrorKind =
  /** 401 from the API, or the token endpoint refused our refresh token. */
  | "unauthorized"
  /** 429: Exist's rate limit (300 requests an hour per token). */
  | "rate_limited"
  /** 5xx, an unexpected 4xx, a network error or a refused redirect. */
  | "upstream"
  /** No answer within EXIST_TIMEOUT_MS. */
  | "timeout"
  /** An answer that is not the JSON the docs describe (or a paging link to another origin). */
  | "invalid_response";

const CODE_BY_KIND: Record<ExistErrorKind, ErrorCode> = {
  unauthorized: "reauth_required",
  rate_limited: "rate_limited",
  upstream: "upstream_error",
  timeout: "upstream_timeout",
  invalid_response: "upstream_error",
};

export class ExistError extends Error {
  override name = "ExistError";

  constructor(
    readonly kind: ExistErrorKind,
    message: string,
    readonly details: {
      /** Exist's HTTP status, when it answered. */
      status?: number;
      /** Seconds to wait, from Exist's Retry-After header, when it sent one. */
      retryAfter?: number;
    } = {},
  ) {
    super(message);
  }

  /** Our API's error code for this failure. */
  get code(): ErrorCode {
    return CODE_BY_KIND[this.kind];
  }
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}
