/**
 * Checks a state-changing request must pass before anything is sent to Exist: origin, content
 * type, size, JSON, schema — in that order.
 */
import "server-only";
import type { z } from "zod";
import { ApiError } from "@/lib/api/errors";

export const MAX_BODY_BYTES = 64 * 1024;

/**
 * The request comes from the app's own pages: `Origin` equals the app's origin, or, when a
 * browser sends no Origin, `Sec-Fetch-Site: same-origin`. `Origin: null` is foreign.
 */
export function requireSameOrigin(headers: Headers, appOrigin: string): void {
  const origin = headers.get("origin");
  const sameOrigin =
    origin === null ? headers.get("sec-fetch-site") === "same-origin" : origin === appOrigin;
  if (!sameOrigin) {
    throw new ApiError("forbidden_origin", "This request must come from the app's own pages.");
  }
}

export function requireJsonContentType(headers: Headers): void {
  const mediaType = headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (mediaType !== "application/json") {
    throw new ApiError("unsupported_media_type", "Send the body as application/json.");
  }
}

const tooLarge = (limit: number) =>
  new ApiError(
    "payload_too_large",
    limit >= 1024 * 1024
      ? `The body may be at most ${limit / (1024 * 1024)} MiB.`
      : `The body may be at most ${limit / 1024} KiB.`,
  );

/** The body as text, refusing more than `limit` bytes by Content-Length or by what arrives. */
export async function readBodyText(request: Request, limit = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > limit) throw tooLarge(limit);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    parts.push(value);
  }
  return Buffer.concat(parts).toString("utf8");
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError("invalid_json", "The body is not valid JSON.");
  }
}

/** `value` checked against `schema`; the first problem is named, e.g. `[3].name: must be ...`. */
export function validate<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new ApiError("validation_failed", describeIssue(parsed.error.issues));
}

type Issue = z.core.$ZodIssue;

function describeIssue(issues: readonly Issue[], prefix: PropertyKey[] = []): string {
  const issue = issues[0];
  if (!issue) return "The body is not valid.";
  const path = [...prefix, ...issue.path];
  if (issue.code === "invalid_union" && issue.errors.length > 0) {
    // Name the problem of the alternative that came closest (fewest issues).
    const closest = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
    if (closest.length > 0) return describeIssue(closest, path);
  }
  const where = formatPath(path);
  return where ? `${where}: ${issue.message}` : issue.message;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) =>
      typeof key === "number" ? `[${key}]` : `${index === 0 ? "" : "."}${String(key)}`,
    )
    .join("");
}
