/**
 * Each request's id, in its log line, its `X-Request-Id` answer header and its history entries:
 * the one a proxy in front sent in `X-Request-Id` when it is a plain short token (so that its
 * logs and ours name the same request), else a new UUID.
 */
import "server-only";
import { randomUUID } from "node:crypto";

export const REQUEST_ID_HEADER = "X-Request-Id";

const SANE = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdFor(headers: Pick<Headers, "get">): string {
  const given = headers.get(REQUEST_ID_HEADER)?.trim();
  return given && SANE.test(given) ? given : randomUUID();
}
