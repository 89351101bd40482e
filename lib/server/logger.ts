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
import {
  ANSI,
  describeError,
  jsonLine,
  scrub,
  type Level,
  type LogFields,
} from "@/lib/server/json-output";

export { describeError, jsonLine, scrub, type Level, type LogFields };

let format: LogFormat | undefined;

export function logFormat(): LogFormat {
  format ??= logFormatOf(process.env.LOG_FORMAT);
  return format;
}

/** For unit tests: the format as if LOG_FORMAT said so (undefined: read it again). */
export function useLogFormat(value: LogFormat | undefined): void {
  format = value;
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

/**
 * With LOG_FORMAT=json, what Next.js and the libraries print through the console becomes JSON
 * lines too (scrubbed), each at its method's level (stdout and stderr alone tell only information
 * from errors: lib/server/json-output.ts turns whatever else is written into JSON lines). Called
 * once, from instrumentation.ts; the console stays as it is in text format.
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
