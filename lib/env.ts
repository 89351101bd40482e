/**
 * The app's configuration: the environment variables the README documents, parsed once from
 * process.env with zod. Parsed lazily on first use, so `next build` needs none of it. No
 * `server-only` here: the start script (scripts/run.ts) checks the same rules before it starts
 * anything.
 */
import { createSecretKey, type KeyObject } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { DEFAULT_SCOPES, SCOPE_NAME, parseScopes } from "@/lib/scopes";
import { DEFAULT_SANDBOX_PORT, SANDBOX_CLIENT } from "@/lib/sandbox-client";

const optionalText = z
  .string()
  .trim()
  .transform((value) => value || undefined)
  .optional();

const httpUrl = z
  .string()
  .trim()
  .refine((value) => /^https?:\/\/[^/]/.test(value) && URL.canParse(value), {
    message: "must be an http(s) URL such as https://example.com",
  })
  .transform((value) => value.replace(/\/+$/, ""));

const wholeNumber = (what: string) =>
  z.string().regex(/^\d+$/, `must be ${what}`).transform(Number);

const atLeastOne = (unit: string) =>
  wholeNumber(`a whole number of ${unit}`).pipe(z.number().min(1, `must be at least 1 (${unit})`));

const port = wholeNumber("a port number").pipe(
  z.number().min(1).max(65535, "must be a port number between 1 and 65535"),
);

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => /^postgres(ql)?:\/\/[^/]/.test(value) && URL.canParse(value), {
    message: "must be a PostgreSQL URL such as postgres://user:password@host:5432/database",
  });

const scopes = z
  .string()
  .trim()
  .transform(parseScopes)
  .pipe(
    z
      .array(z.string().regex(SCOPE_NAME, "must list scopes such as mood_read"))
      .min(1, "must list at least one scope"),
  );

const KEY_HINT = "32 random bytes in base64 (openssl rand -base64 32)";
/** Standard or URL-safe base64, padded or not. */
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/** What is wrong with one entry of TOKEN_ENCRYPTION_KEY, or its bytes. */
function readKey(entry: string, seen: Set<string>): { problem: string } | { bytes: Buffer } {
  if (!entry) return { problem: "is empty: list the keys separated by commas" };
  if (!BASE64.test(entry)) return { problem: `must be base64: ${KEY_HINT}` };
  const bytes = Buffer.from(entry, "base64");
  if (bytes.length !== 32) return { problem: `must be 32 bytes, not ${bytes.length}: ${KEY_HINT}` };
  if (seen.has(bytes.toString("hex"))) return { problem: "repeats an earlier key" };
  return { bytes };
}

/**
 * One or more AES-256 keys, comma-separated, newest first. Held as KeyObjects, which print
 * as `SecretKeyObject { symmetricKeySize: 32 }`, never their bytes; no message quotes a key.
 */
const encryptionKeys = z
  .string()
  .trim()
  .transform((value, context): KeyObject[] => {
    const entries = value.split(",").map((entry) => entry.trim());
    const seen = new Set<string>();
    const keys: KeyObject[] = [];
    for (const [index, entry] of entries.entries()) {
      const read = readKey(entry, seen);
      if ("problem" in read) {
        const which = entries.length > 1 ? `(key ${index + 1} of ${entries.length}) ` : "";
        context.addIssue({ code: "custom", message: `${which}${read.problem}` });
        return z.NEVER;
      }
      seen.add(read.bytes.toString("hex"));
      keys.push(createSecretKey(read.bytes));
    }
    return keys;
  });

export const LOG_FORMATS = ["text", "json"] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

const logFormat = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(LOG_FORMATS, { error: "must be text or json" }));

/**
 * LOG_FORMAT alone, without the rest of the environment: the logger must be able to write the
 * line that says the environment is wrong. Anything but a valid value gives `text` here (env()
 * is what refuses it).
 */
export function logFormatOf(value: string | undefined): LogFormat {
  const parsed = logFormat.safeParse(value ?? "");
  return parsed.success ? parsed.data : "text";
}

/** The variables by name; the key of each issue names the variable. */
const rawSchema = z.object({
  EXIST_CLIENT_ID: optionalText,
  EXIST_CLIENT_SECRET: optionalText,
  EXIST_BASE_URL: optionalText.pipe(httpUrl.optional()),
  EXIST_SCOPES: optionalText.pipe(scopes.optional()),
  AUTH_SECRET: optionalText.pipe(
    z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)").optional(),
  ),
  NEXTAUTH_SECRET: optionalText.pipe(
    z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)").optional(),
  ),
  APP_URL: optionalText.pipe(httpUrl.optional()),
  NEXTAUTH_URL: optionalText.pipe(httpUrl.optional()),
  PORT: optionalText.pipe(port.optional()),
  SANDBOX_PORT: optionalText.pipe(port.optional()),
  EXIST_TIMEOUT_MS: optionalText.pipe(
    wholeNumber("a whole number of milliseconds")
      .pipe(
        z
          .number()
          .min(100, "must be at least 100 (milliseconds)")
          .max(120_000, "must be at most 120000 (milliseconds)"),
      )
      .optional(),
  ),
  DATABASE_URL: optionalText.pipe(postgresUrl.optional()),
  DATA_DIR: optionalText,
  HISTORY_RETENTION_DAYS: optionalText.pipe(
    wholeNumber("a whole number of days")
      .pipe(z.number().min(1, "must be at least 1 (days)"))
      .optional(),
  ),
  TOKEN_ENCRYPTION_KEY: optionalText.pipe(encryptionKeys.optional()),
  EXIST_RATE_LIMIT: optionalText.pipe(atLeastOne("calls").optional()),
  EXIST_RATE_WINDOW_S: optionalText.pipe(atLeastOne("seconds").optional()),
  IMPORT_CALLS_PER_WINDOW: optionalText.pipe(atLeastOne("calls").optional()),
  LOG_FORMAT: optionalText.pipe(logFormat.optional()),
});

export type Env = {
  /** No Exist client configured: the app talks to the local sandbox with its built-in client. */
  sandboxMode: boolean;
  existClientId: string;
  existClientSecret: string;
  existBaseUrl: string;
  scopes: string[];
  authSecret: string;
  appUrl: string;
  port: number;
  sandboxPort: number;
  existTimeoutMs: number;
  /** A PostgreSQL server shared by every instance; unset: the embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  historyRetentionDays: number;
  /**
   * The keys that encrypt tokens kept for background work, newest first: the first encrypts,
   * any decrypts. Empty only in sandbox mode with TOKEN_ENCRYPTION_KEY unset.
   */
  tokenEncryptionKeys: KeyObject[];
  /** Exist's limit: this many calls per token in each window of `existRateWindowSeconds`. */
  existRateLimit: number;
  /** Windows start at multiples of this many seconds since the epoch (3600: each clock hour). */
  existRateWindowSeconds: number;
  /** The calls of a window an import may use; the rest stays for the person's own use. */
  importCallsPerWindow: number;
  /** `text`: one plain line per event (the default); `json`: one JSON object per line. */
  logFormat: LogFormat;
};

export class EnvError extends Error {
  override name = "EnvError";
}

/** Parses an environment; throws EnvError naming the first bad variable. Pure, for tests. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = rawSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? "environment");
    throw new EnvError(`${name} ${issue?.message ?? "is invalid"}`);
  }
  const raw = parsed.data;
  const sandboxMode = raw.EXIST_CLIENT_ID === undefined;
  if (!sandboxMode && raw.EXIST_CLIENT_SECRET === undefined) {
    throw new EnvError("EXIST_CLIENT_SECRET is not set (it is required with EXIST_CLIENT_ID)");
  }
  const authSecret = raw.AUTH_SECRET ?? raw.NEXTAUTH_SECRET;
  if (authSecret === undefined) {
    throw new EnvError(
      "AUTH_SECRET is not set: the session encryption key (NEXTAUTH_SECRET is also accepted)",
    );
  }
  if (!sandboxMode && raw.TOKEN_ENCRYPTION_KEY === undefined) {
    throw new EnvError(
      `TOKEN_ENCRYPTION_KEY is not set (it is required with EXIST_CLIENT_ID): ${KEY_HINT}`,
    );
  }
  if (raw.APP_URL && raw.NEXTAUTH_URL && raw.APP_URL !== raw.NEXTAUTH_URL) {
    // next-auth builds its callback URL from NEXTAUTH_URL; the origin checks use APP_URL.
    throw new EnvError("NEXTAUTH_URL must equal APP_URL when both are set (or set only one)");
  }
  const existRateLimit = raw.EXIST_RATE_LIMIT ?? 300;
  // Two thirds of the limit by default (200 of Exist's 300), so a shortened limit needs no share.
  const importCallsPerWindow =
    raw.IMPORT_CALLS_PER_WINDOW ?? Math.max(1, Math.floor((existRateLimit * 2) / 3));
  if (importCallsPerWindow > existRateLimit) {
    throw new EnvError(
      `IMPORT_CALLS_PER_WINDOW (${importCallsPerWindow}) must be at most EXIST_RATE_LIMIT (${existRateLimit})`,
    );
  }
  const sandboxPort = raw.SANDBOX_PORT ?? DEFAULT_SANDBOX_PORT;
  const port = raw.PORT ?? 3000;
  return {
    sandboxMode,
    existClientId: raw.EXIST_CLIENT_ID ?? SANDBOX_CLIENT.id,
    existClientSecret: raw.EXIST_CLIENT_SECRET ?? SANDBOX_CLIENT.secret,
    existBaseUrl:
      raw.EXIST_BASE_URL ?? (sandboxMode ? `http://127.0.0.1:${sandboxPort}` : "https://exist.io"),
    scopes: raw.EXIST_SCOPES ?? [...DEFAULT_SCOPES],
    authSecret,
    appUrl: raw.APP_URL ?? raw.NEXTAUTH_URL ?? `http://localhost:${port}`,
    port,
    sandboxPort,
    existTimeoutMs: raw.EXIST_TIMEOUT_MS ?? 10_000,
    databaseUrl: raw.DATABASE_URL,
    dataDir: raw.DATA_DIR ?? defaultDataDir(),
    historyRetentionDays: raw.HISTORY_RETENTION_DAYS ?? 365,
    tokenEncryptionKeys: raw.TOKEN_ENCRYPTION_KEY ?? [],
    existRateLimit,
    existRateWindowSeconds: raw.EXIST_RATE_WINDOW_S ?? 3600,
    importCallsPerWindow,
    logFormat: raw.LOG_FORMAT ?? "text",
  };
}

/**
 * `.data` in the working directory; but the standalone server (`node .next/standalone/server.js`)
 * runs from inside the build folder, which the next build empties: there, the project's `.data`,
 * the folder `npm start` uses. (A copy of the standalone folder elsewhere, as in a container,
 * sets DATA_DIR.)
 */
export function defaultDataDir(cwd = process.cwd()): string {
  const inBuild = path.basename(cwd) === "standalone" && existsSync(path.join(cwd, "../BUILD_ID"));
  return inBuild ? path.resolve(cwd, "../../.data") : ".data";
}

let cached: Env | undefined;

/** The app's environment, parsed from process.env on first use. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
