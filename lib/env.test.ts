import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_SCOPES } from "@/lib/scopes";
import { SANDBOX_CLIENT } from "@/lib/sandbox-client";
import { defaultDataDir, logFormatOf, parseEnv } from "@/lib/env";

const SECRET = "x".repeat(32);
const KEY = Buffer.alloc(32, 1).toString("base64");
const OTHER_KEY = Buffer.alloc(32, 2).toString("base64url");

describe("parseEnv", () => {
  it("falls back to sandbox mode and the documented defaults", () => {
    const env = parseEnv({ AUTH_SECRET: SECRET });
    expect(env).toEqual({
      sandboxMode: true,
      existClientId: SANDBOX_CLIENT.id,
      existClientSecret: SANDBOX_CLIENT.secret,
      existBaseUrl: "http://127.0.0.1:4010",
      scopes: [...DEFAULT_SCOPES],
      authSecret: SECRET,
      appUrl: "http://localhost:3000",
      port: 3000,
      sandboxPort: 4010,
      existTimeoutMs: 10_000,
      databaseUrl: undefined,
      dataDir: ".data",
      historyRetentionDays: 365,
      tokenEncryptionKeys: [],
      existRateLimit: 300,
      existRateWindowSeconds: 3600,
      importCallsPerWindow: 200,
      logFormat: "text",
    });
  });

  it("takes the app's URL from PORT when APP_URL is unset", () => {
    expect(parseEnv({ AUTH_SECRET: SECRET, PORT: "3100" }).appUrl).toBe("http://localhost:3100");
  });

  it("points sandbox mode at SANDBOX_PORT", () => {
    expect(parseEnv({ AUTH_SECRET: SECRET, SANDBOX_PORT: "4110" }).existBaseUrl).toBe(
      "http://127.0.0.1:4110",
    );
  });

  it("uses exist.io when a client is configured", () => {
    const env = parseEnv({
      AUTH_SECRET: SECRET,
      EXIST_CLIENT_ID: "id",
      EXIST_CLIENT_SECRET: "secret",
      TOKEN_ENCRYPTION_KEY: KEY,
    });
    expect(env).toMatchObject({
      sandboxMode: false,
      existClientId: "id",
      existClientSecret: "secret",
      existBaseUrl: "https://exist.io",
    });
  });

  it("reads every variable and trims a trailing slash from URLs", () => {
    const env = parseEnv({
      NEXTAUTH_SECRET: SECRET,
      EXIST_BASE_URL: "https://exist.example/",
      EXIST_SCOPES: "mood_read  mood_write manual_write",
      NEXTAUTH_URL: "https://app.example/",
      PORT: "8080",
      SANDBOX_PORT: "5000",
      EXIST_TIMEOUT_MS: "2500",
    });
    expect(env).toMatchObject({
      existBaseUrl: "https://exist.example",
      scopes: ["mood_read", "mood_write", "manual_write"],
      authSecret: SECRET,
      appUrl: "https://app.example",
      port: 8080,
      sandboxPort: 5000,
      existTimeoutMs: 2500,
    });
  });

  it("prefers AUTH_SECRET over NEXTAUTH_SECRET and takes either URL name", () => {
    const env = parseEnv({
      AUTH_SECRET: SECRET,
      NEXTAUTH_SECRET: "y".repeat(32),
      APP_URL: "http://localhost:3100",
      NEXTAUTH_URL: "http://localhost:3100/",
    });
    expect(env.appUrl).toBe("http://localhost:3100");
    expect(env.authSecret).toBe(SECRET);
    expect(parseEnv({ AUTH_SECRET: SECRET, APP_URL: "https://a.example" }).appUrl).toBe(
      "https://a.example",
    );
  });

  it("treats empty values as unset", () => {
    expect(parseEnv({ AUTH_SECRET: SECRET, EXIST_CLIENT_ID: "", PORT: "" })).toMatchObject({
      sandboxMode: true,
      port: 3000,
    });
  });

  it.each([
    [{}, /^AUTH_SECRET is not set/],
    [{ AUTH_SECRET: "short" }, /^AUTH_SECRET must be at least 32 characters/],
    [{ AUTH_SECRET: SECRET, EXIST_CLIENT_ID: "id" }, /^EXIST_CLIENT_SECRET is not set/],
    [
      { AUTH_SECRET: SECRET, EXIST_BASE_URL: "exist.io" },
      /^EXIST_BASE_URL must be an http\(s\) URL/,
    ],
    [{ AUTH_SECRET: SECRET, APP_URL: "ftp://x" }, /^APP_URL must be an http\(s\) URL/],
    [
      { AUTH_SECRET: SECRET, APP_URL: "https://a.example", NEXTAUTH_URL: "https://b.example" },
      /^NEXTAUTH_URL must equal APP_URL/,
    ],
    [{ AUTH_SECRET: SECRET, PORT: "eighty" }, /^PORT must be a port number/],
    [{ AUTH_SECRET: SECRET, SANDBOX_PORT: "70000" }, /^SANDBOX_PORT must be a port number/],
    [{ AUTH_SECRET: SECRET, EXIST_TIMEOUT_MS: "10s" }, /^EXIST_TIMEOUT_MS must be a whole number/],
    [{ AUTH_SECRET: SECRET, EXIST_TIMEOUT_MS: "5" }, /^EXIST_TIMEOUT_MS must be at least 100/],
    [
      { AUTH_SECRET: SECRET, EXIST_SCOPES: "mood_read, everything" },
      /^EXIST_SCOPES must list scopes/,
    ],
  ])("names the variable in the error for %j", (source, message) => {
    expect(() => parseEnv(source)).toThrow(message);
  });

  it("names a malformed DATABASE_URL and HISTORY_RETENTION_DAYS", () => {
    expect(() => parseEnv({ AUTH_SECRET: SECRET, DATABASE_URL: "localhost:5432/app" })).toThrow(
      /^DATABASE_URL must be a PostgreSQL URL/,
    );
    expect(() => parseEnv({ AUTH_SECRET: SECRET, HISTORY_RETENTION_DAYS: "0" })).toThrow(
      /^HISTORY_RETENTION_DAYS must be at least 1/,
    );
    expect(parseEnv({ AUTH_SECRET: SECRET, DATABASE_URL: "postgres://u:p@db/app" })).toMatchObject({
      databaseUrl: "postgres://u:p@db/app",
    });
  });

  it("reads TOKEN_ENCRYPTION_KEY as 32-byte keys, newest first, in either base64", () => {
    const { tokenEncryptionKeys } = parseEnv({
      AUTH_SECRET: SECRET,
      TOKEN_ENCRYPTION_KEY: ` ${KEY} ,${OTHER_KEY.replace(/=+$/, "")}`,
    });
    expect(tokenEncryptionKeys.map((key) => key.export().toString("hex"))).toEqual([
      "01".repeat(32),
      "02".repeat(32),
    ]);
  });

  it.each([
    [
      { EXIST_CLIENT_ID: "id", EXIST_CLIENT_SECRET: "s" },
      /^TOKEN_ENCRYPTION_KEY is not set \(it is required with EXIST_CLIENT_ID\): 32 random bytes in base64 \(openssl rand -base64 32\)$/,
    ],
    [
      { TOKEN_ENCRYPTION_KEY: "not base64!" },
      /^TOKEN_ENCRYPTION_KEY must be base64: 32 random bytes in base64/,
    ],
    [
      { TOKEN_ENCRYPTION_KEY: Buffer.alloc(16).toString("base64") },
      /^TOKEN_ENCRYPTION_KEY must be 32 bytes, not 16: /,
    ],
    [
      { TOKEN_ENCRYPTION_KEY: `${KEY},${Buffer.alloc(31).toString("base64")}` },
      /^TOKEN_ENCRYPTION_KEY \(key 2 of 2\) must be 32 bytes, not 31: /,
    ],
    [
      { TOKEN_ENCRYPTION_KEY: `${KEY},,${OTHER_KEY}` },
      /^TOKEN_ENCRYPTION_KEY \(key 2 of 3\) is empty: list the keys separated by commas$/,
    ],
    [
      { TOKEN_ENCRYPTION_KEY: `${KEY},${OTHER_KEY},${KEY}` },
      /^TOKEN_ENCRYPTION_KEY \(key 3 of 3\) repeats an earlier key$/,
    ],
  ])("names TOKEN_ENCRYPTION_KEY's problem for %j, never quoting a key", (source, message) => {
    const run = () => parseEnv({ AUTH_SECRET: SECRET, ...source });
    expect(run).toThrow(message);
    expect(run).not.toThrow(KEY);
  });

  it("reads LOG_FORMAT: text by default, json, and nothing else", () => {
    expect(parseEnv({ AUTH_SECRET: SECRET, LOG_FORMAT: "json" }).logFormat).toBe("json");
    expect(parseEnv({ AUTH_SECRET: SECRET, LOG_FORMAT: " JSON " }).logFormat).toBe("json");
    expect(parseEnv({ AUTH_SECRET: SECRET, LOG_FORMAT: "text" }).logFormat).toBe("text");
    expect(() => parseEnv({ AUTH_SECRET: SECRET, LOG_FORMAT: "logfmt" })).toThrow(
      /^LOG_FORMAT must be text or json$/,
    );
    // The logger's own reading never throws: a bad value is env()'s to refuse.
    expect(logFormatOf("json")).toBe("json");
    expect(logFormatOf("logfmt")).toBe("text");
    expect(logFormatOf(undefined)).toBe("text");
  });

  it("reads Exist's rate limit, its window and the import's share", () => {
    expect(
      parseEnv({
        AUTH_SECRET: SECRET,
        EXIST_RATE_LIMIT: "20",
        EXIST_RATE_WINDOW_S: "60",
        IMPORT_CALLS_PER_WINDOW: "15",
      }),
    ).toMatchObject({ existRateLimit: 20, existRateWindowSeconds: 60, importCallsPerWindow: 15 });
    // Unset, the share is two thirds of the limit: 200 of 300, 13 of 20.
    expect(parseEnv({ AUTH_SECRET: SECRET, EXIST_RATE_LIMIT: "20" }).importCallsPerWindow).toBe(13);
    expect(parseEnv({ AUTH_SECRET: SECRET, EXIST_RATE_LIMIT: "1" }).importCallsPerWindow).toBe(1);
  });

  it.each([
    [{ EXIST_RATE_LIMIT: "0" }, /^EXIST_RATE_LIMIT must be at least 1 \(calls\)$/],
    [{ EXIST_RATE_LIMIT: "300/h" }, /^EXIST_RATE_LIMIT must be a whole number of calls$/],
    [{ EXIST_RATE_WINDOW_S: "1h" }, /^EXIST_RATE_WINDOW_S must be a whole number of seconds$/],
    [{ IMPORT_CALLS_PER_WINDOW: "0" }, /^IMPORT_CALLS_PER_WINDOW must be at least 1 \(calls\)$/],
    [
      { IMPORT_CALLS_PER_WINDOW: "301" },
      /^IMPORT_CALLS_PER_WINDOW \(301\) must be at most EXIST_RATE_LIMIT \(300\)$/,
    ],
  ])("names a bad rate setting in %j", (source, message) => {
    expect(() => parseEnv({ AUTH_SECRET: SECRET, ...source })).toThrow(message);
  });
});

describe("defaultDataDir", () => {
  it("is .data in the working directory", () => {
    expect(defaultDataDir(tmpdir())).toBe(".data");
  });

  it("is the project's .data for the standalone server inside the build folder", () => {
    const project = mkdtempSync(path.join(tmpdir(), "env-project-"));
    const standalone = path.join(project, ".next", "standalone");
    mkdirSync(standalone, { recursive: true });
    writeFileSync(path.join(project, ".next", "BUILD_ID"), "x");
    expect(defaultDataDir(standalone)).toBe(path.join(project, ".data"));
    rmSync(project, { recursive: true, force: true });
  });
});
