/**
 * next-auth's logger, replaced: its default error logger prints the whole error object, which for
 * a failed token exchange can hold the provider's response (tokens included). Ours prints the
 * error code, the error's name and a redacted, shortened message; debug output is dropped.
 */
import "server-only";
import type { LoggerInstance } from "next-auth";
import { logger } from "@/lib/server/logger";

/** Anything long and token-like (Exist's tokens are 40 hex characters; JWTs are longer). */
const TOKEN_LIKE = /[A-Za-z0-9._~+/=-]{20,}/g;
const MAX_MESSAGE = 200;

export function redact(text: string): string {
  const short = text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
  return short.replace(TOKEN_LIKE, "[redacted]");
}

/** Name and message of whatever next-auth passes as an error's metadata, redacted. */
export function describeAuthError(metadata: unknown): string {
  const error =
    metadata && typeof metadata === "object" && "error" in metadata ? metadata.error : metadata;
  if (error instanceof Error) return `${error.name}: ${redact(error.message)}`;
  return "(no details)";
}

export const authLogger: Partial<LoggerInstance> = {
  error(code, metadata) {
    logger.error(`next-auth error ${code}: ${describeAuthError(metadata)}`);
  },
  warn(code) {
    logger.warn(`next-auth warning ${code}`);
  },
  debug() {},
};
