/**
 * What can go wrong talking to Exist, as one typed error. Exist's raw bodies never travel further
 * than here; callers decide what each kind means to them.
 */

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
}

/** Seconds to wait from a Retry-After header: delta-seconds or an HTTP date (0 once passed). */
export function retryAfterSeconds(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}
