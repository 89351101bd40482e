/**
 * The log's JSON lines and what keeps secrets out of every line, in a module that imports nothing
 * but Node's own: besides being part of the server (lib/server/logger.ts), it is the preload of
 * the production process. scripts/standalone.ts compiles it into the standalone folder
 * (`json-output.mjs`, run by `node --import` in `start:prod` and the image's command) and appends
 * a call of `jsonOutput()`: with LOG_FORMAT=json, every line the process writes to stdout or
 * stderr is then one JSON object, from Next.js's start-up banner (printed before the app loads)
 * to a library's warning and an uncaught error, not only the lines the logger writes.
 */
import { StringDecoder } from "node:string_decoder";
import { isMainThread } from "node:worker_threads";

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

export const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;
const FRAME = /^\s+at /;
/** Node's own warnings (a deprecation), Next.js's (`⚠`) and its errors (`⨯`). */
const WARNING = /^(\(node:\d+\) (\[\w+\] )?\w*Warning\b|⚠)/;
const ERROR = /^⨯/;

/**
 * `line` when it is a log entry already (a JSON object with a time, a level and a message: the
 * logger's lines), its string fields scrubbed (they are, when the logger wrote it: then the line
 * stays as it is); undefined for any other line, JSON or not.
 */
function asEntry(line: string): string | undefined {
  if (!line.startsWith("{") || !line.endsWith("}")) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const entry = value as Record<string, unknown>;
  if ([entry.time, entry.level, entry.msg].some((field) => typeof field !== "string")) {
    return undefined;
  }
  let scrubbed = false;
  for (const [name, field] of Object.entries(entry)) {
    if (typeof field !== "string" || OWN_IDS.has(name)) continue;
    const clean = scrub(field);
    if (clean !== field) {
      entry[name] = clean;
      scrubbed = true;
    }
  }
  return scrubbed ? JSON.stringify(entry) : line;
}

/**
 * Complete lines as JSON lines (each ending in a newline): a log entry stays one (`asEntry`); the
 * other lines, without colours and blank lines, make one entry per run (a message and the stack
 * frames under it), scrubbed, at `level` unless it reads as a warning or an error.
 */
export function asJsonLines(text: string, level: Level, time = new Date()): string {
  let out = "";
  let run: string[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const message = run.filter((line) => !FRAME.test(line)).join("\n");
    const stack = run.filter((line) => FRAME.test(line)).join("\n");
    const first = message.trimStart();
    const at = WARNING.test(first) ? "warn" : ERROR.test(first) ? "error" : level;
    out += `${jsonLine(at, message || stack, message && stack ? { stack } : {}, time)}\n`;
    run = [];
  };
  for (const raw of text.split("\n")) {
    const line = raw.replace(ANSI, "").trimEnd();
    if (!line.trim()) continue;
    const entry = asEntry(line.trim());
    if (entry) {
      flush();
      out += `${entry}\n`;
    } else {
      run.push(line);
    }
  }
  flush();
  return out;
}

type Write = NodeJS.WriteStream["write"];
type Callback = (error?: Error | null) => void;

/**
 * Makes `stream` write JSON lines: what is written is held to the end of its line, then each
 * write's complete lines go out as `asJsonLines` makes them. What is left of a last line goes out
 * when the process exits.
 */
export function jsonStream(stream: NodeJS.WriteStream, level: Level): void {
  const write = stream.write.bind(stream) as (text: string, callback?: Callback) => boolean;
  const decoder = new StringDecoder("utf8");
  let pending = "";
  const wrapped = (
    chunk: string | Uint8Array,
    encoding?: BufferEncoding | Callback,
    callback?: Callback,
  ): boolean => {
    const done = typeof encoding === "function" ? encoding : callback;
    const charset = typeof encoding === "string" ? encoding : "utf8";
    pending +=
      typeof chunk !== "string"
        ? decoder.write(Buffer.from(chunk))
        : /^utf-?8$/i.test(charset)
          ? chunk
          : Buffer.from(chunk, charset).toString("utf8");
    const end = pending.lastIndexOf("\n");
    const lines = end < 0 ? "" : asJsonLines(pending.slice(0, end), level);
    pending = pending.slice(end + 1);
    if (lines) return write(lines, done);
    if (done) process.nextTick(done);
    return true;
  };
  stream.write = wrapped as Write;
  process.on("exit", () => {
    const rest = asJsonLines(pending + decoder.end(), level);
    pending = "";
    if (rest) write(rest);
  });
}

/**
 * An error nobody handles: written as a JSON line (Node itself would print it in plain text,
 * bypassing the streams) and the process exits as Node would (code 1). Once Next.js's server has
 * started, its own handler is there too: it logs the error (through the console, so as JSON) and
 * serves on, and this one leaves it to that.
 */
function onUncaught(error: unknown, origin: string): void {
  if (process.listenerCount("uncaughtException") > 1) return;
  const { name, message, stack } = describeError(error);
  const what = origin === "unhandledRejection" ? "an unhandled rejection" : "an uncaught exception";
  process.stderr.write(
    `${jsonLine("error", `process: stopping on ${what}`, { error: `${name}: ${message}`, stack })}\n`,
  );
  process.exit(1);
}

const INSTALLED = Symbol.for("exist-ownership.jsonOutput");

/**
 * With LOG_FORMAT=json (`format`): stdout (information) and stderr (errors, and the warnings that
 * say so) write only JSON lines, and an uncaught error is one too. Once per process: the preload
 * and instrumentation.ts (for a server started without it) both call it. The main thread only: a
 * worker thread's output goes through the main thread's streams, and its uncaught errors are its
 * parent's to handle.
 */
export function jsonOutput(format = process.env.LOG_FORMAT): void {
  if (format?.trim().toLowerCase() !== "json" || !isMainThread) return;
  const state = process as NodeJS.Process & { [INSTALLED]?: boolean };
  if (state[INSTALLED]) return;
  state[INSTALLED] = true;
  jsonStream(process.stdout, "info");
  jsonStream(process.stderr, "error");
  process.on("uncaughtException", onUncaught);
}
