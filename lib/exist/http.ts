/**
 * The one fetch helper for Exist: a timeout on every call, only the headers we mean to send,
 * status codes turned into ExistError, and every JSON answer validated with zod.
 */
import "server-only";
import type { z } from "zod";
import { recordExistCall } from "@/lib/exist/call-stats";
import { ExistError, parseRetryAfter } from "@/lib/exist/errors";

export type ExistConfig = {
  /** EXIST_BASE_URL without a trailing slash. */
  baseUrl: string;
  timeoutMs: number;
  /** Injected by unit tests; the global fetch otherwise. */
  fetch?: typeof fetch;
};

export type ExistRequest = {
  method?: "GET" | "POST";
  /** `Authorization: Bearer` value; omitted for the token endpoint. */
  accessToken?: string;
  /** A JSON body (sent as application/json) or a form body (the OAuth2 token endpoint). */
  json?: unknown;
  form?: URLSearchParams;
};

export type ExistResponse<T> = { status: number; data: T };

/** Sends one request to Exist and validates the JSON answer with `schema`. */
export async function existRequest<S extends z.ZodType>(
  config: ExistConfig,
  url: URL | string,
  request: ExistRequest,
  schema: S,
): Promise<ExistResponse<z.infer<S>>> {
  const started = performance.now();
  try {
    return await send(config, url, request, schema);
  } finally {
    recordExistCall(performance.now() - started);
  }
}

async function send<S extends z.ZodType>(
  config: ExistConfig,
  url: URL | string,
  request: ExistRequest,
  schema: S,
): Promise<ExistResponse<z.infer<S>>> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (request.accessToken) headers.Authorization = `Bearer ${request.accessToken}`;
  let body: string | undefined;
  if (request.json !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(request.json);
  } else if (request.form) {
    headers["Content-Type"] = "application/x-www-form-urlencoded";
    body = request.form.toString();
  }

  let response: Response;
  try {
    response = await (config.fetch ?? fetch)(url, {
      method: request.method ?? "GET",
      headers,
      body,
      signal: AbortSignal.timeout(config.timeoutMs),
      // A redirect could carry the bearer token somewhere we did not choose to send it.
      redirect: "error",
      cache: "no-store",
    });
  } catch (error) {
    throw networkError(error, config.timeoutMs);
  }

  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw statusError(response);
  }

  let json: unknown;
  try {
    json = await response.json();
  } catch (error) {
    if (isTimeout(error)) throw networkError(error, config.timeoutMs);
    throw new ExistError("invalid_response", "Exist answered with something that is not JSON.");
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ExistError("invalid_response", "Exist answered in a shape this app does not know.");
  }
  return { status: response.status, data: parsed.data };
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
}

function networkError(error: unknown, timeoutMs: number): ExistError {
  if (isTimeout(error)) {
    return new ExistError("timeout", `Exist did not answer within ${timeoutMs / 1000} seconds.`);
  }
  return new ExistError("upstream", "Exist could not be reached.");
}

function statusError(response: Response): ExistError {
  if (response.status === 401) {
    return new ExistError("unauthorized", "Exist no longer accepts this sign-in.", { status: 401 });
  }
  if (response.status === 429) {
    return new ExistError("rate_limited", "Exist's rate limit was reached; try again later.", {
      status: 429,
      retryAfter: parseRetryAfter(response.headers.get("Retry-After")),
    });
  }
  const { status } = response;
  if (status >= 500) {
    return new ExistError("upstream", `Exist had a problem (HTTP ${status}).`, { status });
  }
  return new ExistError("upstream", `Exist refused the request (HTTP ${status}).`, { status });
}
