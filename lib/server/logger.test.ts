import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { formatApiJson, formatApiLog, logApiCall } from "@/lib/api/log";
import {
  describeError,
  jsonConsole,
  jsonLine,
  logger,
  scrub,
  useLogFormat,
} from "@/lib/server/logger";

const ACCESS = "0123456789abcdef0123456789abcdef01234567";
const REFRESH = "fedcba9876543210fedcba9876543210fedcba98";
const SEALED = "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..Zx8a1b2c3d4e5f60.AbC0123xyzQ.TagT4g";
const KEY = "q83vEjRWeJq8zN7wE/Xv0P2nR5tY8uI1oP4aS7dF0gk=";
const TIME = new Date("2026-12-02T04:05:06.789Z");

let stdout: string[];
let stderr: string[];

beforeEach(() => {
  stdout = [];
  stderr = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    stdout.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    stderr.push(String(chunk));
    return true;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  useLogFormat(undefined);
});

const parsed = (lines: string[]) =>
  lines.map((line) => {
    expect(line.endsWith("\n")).toBe(true);
    expect(line.slice(0, -1)).not.toContain("\n");
    return JSON.parse(line) as Record<string, unknown>;
  });

describe("scrub", () => {
  it.each([
    ["a token in a message", `Exist refused ${ACCESS}`, "Exist refused [redacted]"],
    [
      "a URL's query (an OAuth code and state)",
      "GET http://localhost:3000/api/auth/callback/exist?code=abc123&state=xyz failed",
      "GET http://localhost:3000/api/auth/callback/exist?[redacted] failed",
    ],
    [
      "a bearer token",
      `Authorization: Bearer ${ACCESS.slice(0, 12)}`,
      "Authorization: [redacted] [redacted]",
    ],
    [
      "a form body",
      `grant_type=refresh_token&refresh_token=${REFRESH}&code=short1`,
      "grant_type=refresh_token&refresh_token=[redacted]&code=[redacted]",
    ],
    [
      "token fields of a JSON body",
      `{"access_token":"${ACCESS}","token_type":"Bearer"}`,
      `{"access_token":"[redacted]","token_type":"Bearer"}`,
    ],
    ["a cookie header", `Cookie: __Secure-session=${SEALED}; other=1`, "Cookie: [redacted]"],
    ["a sealed session outside a header", `could not open ${SEALED}`, "could not open [redacted]"],
    [
      "a database password",
      "connect to postgres://app:hunter2hunter@db:5432/app refused",
      "connect to postgres://app:[redacted]@db:5432/app refused",
    ],
    ["a base64 key", `key ${KEY} is wrong`, "key [redacted] is wrong"],
  ])("blanks out %s", (_, text, expected) => {
    expect(scrub(text)).toBe(expected);
  });

  it("leaves the lines the app writes as they are", () => {
    for (const line of [
      "api POST /api/attributes/acquire 202 123ms exist_calls=3 exist_ms=99",
      "shutdown: SIGTERM: not ready; draining requests (exit within 15 s)",
      "history: the embedded database in /srv/exist-ownership/data/pglite was taken over by pid 7 on host-1",
      "AUTH_SECRET is not set: the session encryption key (NEXTAUTH_SECRET is also accepted)",
      "jobs: Error: connect ECONNREFUSED 127.0.0.1:5432 (code: 'ECONNREFUSED')",
      "request 2c5ea4c0-4067-11e9-8bad-9b1deb4d3b7d",
    ]) {
      expect(scrub(line)).toBe(line);
    }
  });

  it("describes an error by name, scrubbed message and frames, never its other fields", () => {
    const error = Object.assign(new TypeError(`token ${ACCESS} refused`), {
      response: { access_token: ACCESS },
    });
    const described = describeError(error);
    expect(described.name).toBe("TypeError");
    expect(described.message).toBe("token [redacted] refused");
    expect(described.stack).toMatch(/^\s+at /);
    expect(JSON.stringify(described)).not.toContain(ACCESS);
    expect(describeError({ access_token: ACCESS })).toEqual({
      name: "object",
      message: "(not an Error)",
    });
  });
});

describe("LOG_FORMAT=json", () => {
  beforeEach(() => useLogFormat("json"));

  it("writes one object per line: time, level, message, then the fields", () => {
    expect(JSON.parse(jsonLine("warn", "jobs: warning slow", { queue: "import" }, TIME))).toEqual({
      time: "2026-12-02T04:05:06.789Z",
      level: "warn",
      msg: "jobs: warning slow",
      queue: "import",
    });
    logger.info("history: database reachable again");
    logger.error("history: pruning failed");
    const [info] = parsed(stdout);
    const [error] = parsed(stderr);
    expect(info).toMatchObject({ level: "info", msg: "history: database reachable again" });
    expect(Date.parse(String(info?.time))).not.toBeNaN();
    expect(error).toMatchObject({ level: "error", msg: "history: pruning failed" });
  });

  it("writes a request's line with its id, route, status, time and calls to Exist", () => {
    const entry = {
      method: "GET",
      route: "/api/attributes",
      status: 200,
      ms: 12.6,
      exist: { calls: 2, ms: 8.4 },
      requestId: "r-1",
      traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
      spanId: "00f067aa0ba902b7",
    };
    expect(JSON.parse(formatApiJson(entry, TIME))).toEqual({
      time: "2026-12-02T04:05:06.789Z",
      level: "info",
      msg: "api GET /api/attributes 200",
      kind: "api",
      requestId: "r-1",
      method: "GET",
      route: "/api/attributes",
      status: 200,
      durationMs: 13,
      existCalls: 2,
      existMs: 8,
      traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
      spanId: "00f067aa0ba902b7",
    });
    logApiCall({ ...entry, kind: "prefetch", route: "/attributes", status: 503 });
    expect(parsed(stdout)).toEqual([
      expect.objectContaining({ level: "error", kind: "prefetch", route: "/attributes" }),
    ]);
  });

  it("never writes a token, whether in the message, a field or an error", () => {
    logger.error(`Exist refused ${ACCESS}`, { url: `http://127.0.0.1/?access_token=${REFRESH}` });
    logger.failure("Unexpected error in a route handler", new Error(`refresh ${REFRESH} used`));
    const written = stderr.join("");
    expect(written).not.toContain(ACCESS);
    expect(written).not.toContain(REFRESH);
    const [first, second] = parsed(stderr);
    expect(first).toMatchObject({
      msg: "Exist refused [redacted]",
      url: "http://127.0.0.1/?[redacted]",
    });
    expect(second).toMatchObject({
      msg: "Unexpected error in a route handler",
      error: "Error: refresh [redacted] used",
      stack: expect.stringMatching(/^\s+at /),
    });
  });

  it("turns what goes through the console into JSON lines too", () => {
    const original = { ...console };
    try {
      jsonConsole();
      console.log("\u001b[32m✓\u001b[39m Ready in 120ms");
      console.error("⨯", new Error(`upstream said ${ACCESS}`));
      const [ready] = parsed(stdout);
      const [failed] = parsed(stderr);
      expect(ready).toMatchObject({ level: "info", msg: "✓ Ready in 120ms" });
      expect(failed).toMatchObject({ level: "error", msg: "⨯ Error: upstream said [redacted]" });
      expect(stderr.join("")).not.toContain(ACCESS);
      console.error("(node:12) [DEP0169] DeprecationWarning: `url.parse()` is deprecated");
      expect(parsed(stderr)[1]).toMatchObject({ level: "warn" });
    } finally {
      Object.assign(console, original);
      delete (globalThis as { __jsonConsole?: boolean }).__jsonConsole;
    }
  });
});

describe("LOG_FORMAT=text (the default)", () => {
  beforeEach(() => useLogFormat("text"));

  it("writes the request line as before", () => {
    logApiCall({
      method: "GET",
      route: "/api/attributes",
      status: 200,
      ms: 5,
      exist: { calls: 1, ms: 2 },
      requestId: "r-1",
    });
    expect(stdout).toEqual([
      `${formatApiLog({ method: "GET", route: "/api/attributes", status: 200, ms: 5, exist: { calls: 1, ms: 2 } })}\n`,
    ]);
    expect(stdout[0]).toBe("api GET /api/attributes 200 5ms exist_calls=1 exist_ms=2\n");
  });

  it("writes messages through the console, scrubbed", () => {
    const info = vi.spyOn(console, "info").mockImplementation(() => undefined);
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    logger.info("shutdown: done in 12 ms");
    logger.failure("Unexpected error in a route handler", new Error(`token ${ACCESS}`));
    expect(info).toHaveBeenCalledExactlyOnceWith("shutdown: done in 12 ms");
    const [line] = error.mock.calls[0] ?? [];
    expect(line).toMatch(/^Unexpected error in a route handler: Error: token \[redacted\]\n\s+at /);
    expect(JSON.stringify(error.mock.calls)).not.toContain(ACCESS);
  });

  it("leaves the console alone", () => {
    const log = console.log;
    jsonConsole();
    expect(console.log).toBe(log);
  });
});
