/**
 * Every line the server writes goes through here: plain text by default, one JSON object per line
 * with LOG_FORMAT=json (for a log system to read; docs/operations.md lists the fields). In both
 * formats, whatever could carry a secret (a token, a cookie, an OAuth code, a password in a
 * database URL, a URL's query string) is blanked out before it is written (`scrub`).
 *
 * LOG_FORMAT is read from process.env on first use, not through env(): the line that says the
 * environment is wrong must be writable too.
 */
import "server-only";
import { formatWithOptions } from "node:util";
import { logFormatOf, type LogFormat } from "@/lib/env";

export type Level = "debug" | "info" | "warn" | "error";
export type LogFields = Record<string, string | number | boolean | null | undefined>;

const REDACTED = "[redacted]";

type Rule = [RegExp, string | ((match: string, ...groups: string[]) => string)];

/** Request ids (ours are UUIDs) are no secret. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A run long enough to be a key, a token or a sealed cookie, with letters and digits mixed. */
const looksSecret = (run: string) =>
  !run.startsWith("/") && /[0-9]/.test(run) && /[A-Za-z]/.test(run) && !UUID.test(run);
/** Fields the app fills with ids it made itself (OpenTelemetry's hex ids), written as they are. */
const OWN_IDS = new Set(["traceId", "spanId"]);

const RULES: Rule[] = [
  // A URL keeps its path; its query and fragment may hold a code, a state or a token.
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^\s?#"'<>]*)[?#][^\s"'<>]*/gi, `$1?${REDACTED}`],
  // A password in a URL (postgres://user:password@host).
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+):[^\s@/]+@/gi, `$1:${REDACTED}@`],
  // A Cookie or Set-Cookie header: everything after its name.
  [/\b((?:set-)?cookie)(\s*[:=]\s*)[^\r\n]*/gi, `$1$2${REDACTED}`],
  [/\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${REDACTED}`],
  // name=value, name: value, "name":"value" for the names that carry secrets.
  [
    /\b(access_token|refresh_token|id_token|token|client_secret|secret|password|authorization|api[_-]?key)(["']?\s*[:=]\s*["']?)(?!\[redacted\])[^\s"'&,;}]+/gi,
    `$1$2${REDACTED}`,
  ],
  // An OAuth code in a form body (`code: 'ECONNREFUSED'` in an error is no secret).
  [/\bcode=[^\s"'&,;}]+/gi, `code=${REDACTED}`],
  // JWTs and JWEs (next-auth's cookies): base64url JSON headers start with eyJ.
  [/\beyJ[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]*)+/g, REDACTED],
  // Exist's tokens (40 hex characters), keys in base64, anything else long and random.
  [/[A-Za-z0-9+/_=-]{32,}/g, (run) => (looksSecret(run) ? REDACTED : run)],
];

/** `text` with anything that could be a secret replaced by `[redacted]`. */
export function scrub(text: string): string {
  let result = text;
  for (const [pattern, replacement] of RULES) {
    result = result.replace(pattern, replacement as string);
  }
  return result;
}

/** An error as a log may show it: its name, its message scrubbed, its stack's frames. */
export function describeError(error: unknown): { name: string; message: string; stack?: string } {
  if (!(error instanceof Error)) return { name: typeof error, message: "(not an Error)" };
  // The frames only: the stack's first line repeats the message, unscrubbed.
  const frames = (error.stack ?? "")
    .split("\n")
    .filter((line) => /^\s+at /.test(line))
    .join("\n");
  return { name: error.name, message: scrub(error.message), ...(frames ? { stack: frames } : {}) };
}

let format: LogFormat | undefined;

export function logFormat(): LogFormat {
  format ??= logFormatOf(process.env.LOG_FORMAT);
  return format;
}

/** For unit tests: the format as if LOG_FORMAT said so (undefined: read it again). */
export function useLogFormat(value: LogFormat | undefined): void {
  format = value;
}

/** One JSON object, one line: time, level and message first, then the fields (scrubbed). */
export function jsonLine(level: Level, msg: string, fields: LogFields = {}, time = new Date()) {
  const entry: Record<string, string | number | boolean | null> = {
    time: time.toISOString(),
    level,
    msg: scrub(msg),
  };
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined || name in entry) continue;
    entry[name] = typeof value === "string" && !OWN_IDS.has(name) ? scrub(value) : value;
  }
  return JSON.stringify(entry);
}

const toStderr = (level: Level) => level === "warn" || level === "error";

/**
 * Writes one line. Text: the message (scrubbed) through the console, as before; JSON: straight to
 * stdout or stderr (not through the console, which Next.js wraps and which may be ours, below).
 */
export function writeLog(level: Level, msg: string, fields?: LogFields): void {
  if (logFormat() === "json") {
    (toStderr(level) ? process.stderr : process.stdout).write(`${jsonLine(level, msg, fields)}\n`);
    return;
  }
  console[level](scrub(msg));
}

/** The message, then the error's name, scrubbed message and frames (`error`: its own fields). */
function withError(level: Level, msg: string, error: unknown, fields?: LogFields): void {
  const { name, message, stack } = describeError(error);
  if (logFormat() === "json") {
    writeLog(level, msg, { ...fields, error: `${name}: ${message}`, stack });
    return;
  }
  writeLog(level, `${msg}: ${name}: ${message}${stack ? `\n${stack}` : ""}`);
}

export const logger = {
  info: (msg: string, fields?: LogFields) => writeLog("info", msg, fields),
  warn: (msg: string, fields?: LogFields) => writeLog("warn", msg, fields),
  error: (msg: string, fields?: LogFields) => writeLog("error", msg, fields),
  /** An error with its stack: for the unexpected ones. */
  failure: (msg: string, error: unknown, fields?: LogFields) =>
    withError("error", msg, error, fields),
};

const CONSOLE_LEVELS: Record<"debug" | "log" | "info" | "warn" | "error", Level> = {
  debug: "debug",
  log: "info",
  info: "info",
  warn: "warn",
  error: "error",
};

const ANSI = /\u001b\[[0-9;]*m/g;

/**
 * With LOG_FORMAT=json, what Next.js and the libraries print through the console becomes JSON
 * lines too (scrubbed), so that no line of the output is anything else. Called once, from
 * instrumentation.ts; the console stays as it is in text format.
 */
export function jsonConsole(): void {
  if (logFormat() !== "json") return;
  const state = globalThis as typeof globalThis & { __jsonConsole?: boolean };
  if (state.__jsonConsole) return;
  state.__jsonConsole = true;
  for (const [method, level] of Object.entries(CONSOLE_LEVELS)) {
    console[method as keyof typeof CONSOLE_LEVELS] = (...args: unknown[]) => {
      const error = args.find((arg): arg is Error => arg instanceof Error);
      const text = formatWithOptions(
        { colors: false, depth: 2 },
        ...args.map((arg) => (arg instanceof Error ? `${arg.name}: ${arg.message}` : arg)),
      )
        .replace(ANSI, "")
        .trim();
      if (!text) return;
      const fields = error ? { stack: describeError(error).stack } : undefined;
      // Node's own warnings (deprecations) come through console.error.
      const warning = level === "error" && /^\(node:\d+\) (\[\w+\] )?\w*Warning\b/.test(text);
      writeLog(warning ? "warn" : level, text, fields);
    };
  }
}
