/**
 * The one fetch helper for Exist: a timeout on every call, only the headers we mean to send, no
 * redirect followed, status codes turned into ExistError, and every JSON answer validated with zod.
 */
import "server-only";
import type { z } from "zod";
import { recordExistCall } from "@/lib/exist/call-stats";
import { ExistError, retryAfterSeconds } from "@/lib/exist/errors";
import {
  TransportError,
  fetchTransport,
  nodeTransport,
  type TransportAnswer,
} from "@/lib/exist/transport";

export type ExistConfig = {
  /** EXIST_BASE_URL without a trailing slash. */
  baseUrl: string;
  timeoutMs: number;
  /** Injected by unit tests; Node's http(s) otherwise (lib/exist/transport.ts). */
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

  const transport = config.fetch ? fetchTransport(config.fetch) : nodeTransport;
  let answer: TransportAnswer;
  try {
    answer = await transport(url instanceof URL ? url : new URL(url), {
      method: request.method ?? "GET",
      headers,
      body,
      timeoutMs: config.timeoutMs,
    });
  } catch (error) {
    throw networkError(error, config.timeoutMs);
  }
  if (answer.status < 200 || answer.status > 299) throw statusError(answer);

  let json: unknown;
  try {
    json = JSON.parse(answer.body);
  } catch {
    throw new ExistError("invalid_response", "Exist answered with something that is not JSON.");
  }
  // Checked in place: zod's result is the one copy of Exist's answer we keep.
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ExistError("invalid_response", "Exist answered in a shape this app does not know.");
  }
  return { status: answer.status, data: parsed.data };
}

function networkError(error: unknown, timeoutMs: number): ExistError {
  if (error instanceof TransportError && error.timedOut) {
    return new ExistError("timeout", `Exist did not answer within ${timeoutMs / 1000} seconds.`);
  }
  return new ExistError("upstream", "Exist could not be reached.");
}

function statusError(response: TransportAnswer): ExistError {
  if (response.status === 401) {
    return new ExistError("unauthorized", "Exist no longer accepts this sign-in.", { status: 401 });
  }
  if (response.status === 429) {
    return new ExistError("rate_limited", "Exist's rate limit was reached; try again later.", {
      status: 429,
      retryAfter: retryAfterSeconds(response.retryAfter),
    });
  }
  const { status } = response;
  if (status >= 500) {
    return new ExistError("upstream", `Exist had a problem (HTTP ${status}).`, { status });
  }
  return new ExistError("upstream", `Exist refused the request (HTTP ${status}).`, { status });
}
