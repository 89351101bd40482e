/**
 * Plain HTTP against the running app (Node's fetch: no cookie jar, every header explicit).
 */
import http from "node:http";
import { APP_URL } from "../env";

export const SAME_ORIGIN = { Origin: APP_URL };

export type Call = {
  method?: string;
  cookie?: string;
  headers?: Record<string, string>;
  /** JSON-encoded unless a string or stream is given. */
  body?: unknown;
};

export type Answer = {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
  /** The session cookie the app set, if it set one. */
  setCookie: string | undefined;
};

export async function call(path: string, options: Call = {}): Promise<Answer> {
  const { method = "GET", cookie, body } = options;
  const headers: Record<string, string> = { ...options.headers };
  if (cookie) headers.Cookie = cookie;
  let payload: BodyInit | undefined;
  if (body !== undefined) {
    payload =
      typeof body === "string" || body instanceof ReadableStream ? body : JSON.stringify(body);
  }
  const response = await fetch(`${APP_URL}${path}`, {
    method,
    headers,
    body: payload,
    redirect: "manual",
    ...(payload instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const setCookie = response.headers
    .getSetCookie()
    .find((line) => line.startsWith("next-auth.session-token="));
  return { status: response.status, headers: response.headers, body: parsed, text, setCookie };
}

/** A same-origin JSON POST, as the app's own page sends it. */
export function post(path: string, body: unknown, cookie?: string, headers = {}) {
  return call(path, {
    method: "POST",
    cookie,
    body,
    headers: { "Content-Type": "application/json", ...SAME_ORIGIN, ...headers },
  });
}

/** `Set-Cookie`'s `name=value` part, for the next request. */
export function cookieOf(setCookie: string): string {
  return setCookie.split(";")[0] ?? "";
}

/**
 * A POST on a connection of its own, for bodies the app refuses before reading them all: the app
 * answers early and drops the connection, which must not be one a later request reuses.
 */
export function postOnOwnConnection(
  path: string,
  chunks: readonly Uint8Array[],
  headers: Record<string, string>,
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${APP_URL}${path}`,
      { method: "POST", agent: false, headers: { Connection: "close", ...headers } },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (part: string) => (text += part));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) }),
        );
      },
    );
    // The app may close the connection while we are still sending: that is the point.
    request.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE" && error.code !== "ECONNRESET") reject(error);
    });
    for (const chunk of chunks) request.write(chunk);
    request.end();
  });
}
