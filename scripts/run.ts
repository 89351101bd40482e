/**
 * `npm start` (tsx scripts/run.ts start) and `npm run dev` (tsx scripts/run.ts dev).
 *
 * With no EXIST_CLIENT_ID: sandbox mode. Starts the local Exist (sandbox/main.ts), points the app
 * at it, makes up a session secret if none is set, and says so in a banner. With EXIST_CLIENT_ID:
 * the app alone, against EXIST_BASE_URL (https://exist.io), and AUTH_SECRET is required.
 * `start` builds first (`next build`) when the standalone server is missing or older than the
 * sources, completes it (scripts/standalone.ts), then runs it as production does: `node
 * .next/standalone/server.js`. Ctrl-C (SIGINT) or SIGTERM stops every process this script
 * started, and so does the death of the process that started it (a `kill -9` of npm).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { EnvError, parseEnv } from "../lib/env";
import { DEFAULT_SANDBOX_PORT } from "../lib/sandbox-client";
import { SERVER_NODE_FLAGS, completeStandalone, preloadFlag, standaloneDir } from "./standalone";

const root = path.resolve(import.meta.dirname, "..");
const nextBin = path.join(root, "node_modules/next/dist/bin/next");
/** As in next.config.mjs: a test or benchmark may build into another folder. */
const distDir = process.env.NEXT_DIST_DIR || ".next";
const serverJs = path.join(standaloneDir(root, distDir), "server.js");
/**
 * How long a stop may take before what is left is killed: the server is gone within 13 s
 * (lib/server/shutdown.ts), and `npm start` must be within 15 s of a SIGTERM.
 */
const STOP_GRACE_MS = 14_000;
/** What `next build` reads: when any of it is newer than the build, the build is stale. */
const SOURCES = [
  "app",
  "components",
  "lib",
  "types",
  "public",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.mjs",
  "postcss.config.mjs",
  "tsconfig.json",
  "package.json",
  "package-lock.json",
];

const children = new Set<ChildProcess>();
let stopping = false;

function fail(message: string): never {
  console.error(`\n${message}\n`);
  process.exit(1);
}

/** The environment the app (and the sandbox) run with. */
function appEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  const sandboxMode = !env.EXIST_CLIENT_ID?.trim();
  const port = env.PORT?.trim() || "3000";
  // A malformed PORT is left for parseEnv to name.
  if (/^\d+$/.test(port)) env.APP_URL ||= env.NEXTAUTH_URL || `http://localhost:${port}`;
  if (env.APP_URL) env.NEXTAUTH_URL ||= env.APP_URL;
  // Next.js would otherwise try to send usage telemetry to its servers.
  env.NEXT_TELEMETRY_DISABLED ||= "1";
  // The standalone server runs from its own folder: a relative DATA_DIR means this one's.
  env.DATA_DIR = path.resolve(root, env.DATA_DIR?.trim() || ".data");
  // Where the standalone server listens; a container's HOSTNAME names the container, not this.
  env.HOSTNAME = "0.0.0.0";
  const hasSecret = Boolean(env.AUTH_SECRET?.trim() || env.NEXTAUTH_SECRET?.trim());
  if (sandboxMode) {
    env.SANDBOX_PORT ||= String(DEFAULT_SANDBOX_PORT);
    const sandboxUrl = `http://127.0.0.1:${env.SANDBOX_PORT}`;
    if (env.EXIST_BASE_URL && env.EXIST_BASE_URL !== sandboxUrl) {
      console.warn(
        `Sandbox mode: ignoring EXIST_BASE_URL=${env.EXIST_BASE_URL} (no EXIST_CLIENT_ID).`,
      );
    }
    env.EXIST_BASE_URL = sandboxUrl;
    // Sessions only need to outlive this process: a fresh random key is right here.
    if (!hasSecret) env.AUTH_SECRET = randomBytes(32).toString("base64url");
    // The same for the key of tokens kept for imports (set it to keep them across restarts).
    env.TOKEN_ENCRYPTION_KEY ||= randomBytes(32).toString("base64");
  } else if (!hasSecret) {
    fail(
      "AUTH_SECRET is not set. With EXIST_CLIENT_ID set the app needs a fixed session key:\n" +
        "  export AUTH_SECRET=$(openssl rand -base64 32)",
    );
  }
  try {
    parseEnv(env);
  } catch (error) {
    if (error instanceof EnvError) fail(`Cannot start: ${error.message}.`);
    throw error;
  }
  return env;
}

function newestSource(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stats = statSync(entry);
  if (!stats.isDirectory()) return /\.test\.tsx?$/.test(entry) ? 0 : stats.mtimeMs;
  return Math.max(
    stats.mtimeMs,
    ...readdirSync(entry).map((name) => newestSource(path.join(entry, name))),
  );
}

function buildIsStale(): boolean {
  const buildId = path.join(root, distDir, "BUILD_ID");
  if (!existsSync(buildId) || !existsSync(serverJs)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  return SOURCES.some((source) => newestSource(path.join(root, source)) > builtAt);
}

/** Keeps `child` among the processes to stop; once stopping, its exit lets the next one go. */
function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.on("exit", () => {
    children.delete(child);
    if (stopping) stopNewest();
  });
  return child;
}

function run(command: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = track(spawn(process.execPath, command, { cwd: root, env, stdio: "inherit" }));
  child.on("exit", (code, signal) => {
    if (stopping) return;
    // One part stopped on its own: stop the rest too, rather than serve half an app.
    const name = command.find((part) => /\.(ts|js)$/.test(part)) ?? command.join(" ");
    console.error(`${name} exited (${signal ?? code}); stopping.`);
    stop(code ?? 1);
  });
  return child;
}

function waitForExit(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => child.once("exit", (code) => resolve(code ?? 1)));
}

/**
 * Stops the children one at a time, newest first: the app finishes its requests while the
 * sandbox they may be waiting on still answers.
 */
function stop(exitCode = 0): void {
  if (stopping) return;
  stopping = true;
  process.exitCode = exitCode;
  // Whatever has not stopped in time is stopped for good.
  setTimeout(() => {
    for (const child of children) child.kill("SIGKILL");
    process.exit(exitCode);
  }, STOP_GRACE_MS).unref();
  stopNewest();
}

function stopNewest(): void {
  const newest = [...children].at(-1);
  if (newest) newest.kill("SIGTERM");
  else process.exit(process.exitCode);
}

async function waitForSandbox(url: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline && !stopping) {
    const ready = await fetch(`${url}/__sandbox/state?account=demo`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (!stopping) {
    console.error(`The sandbox did not start on ${url}.`);
    stop(1);
  }
}

function banner(env: NodeJS.ProcessEnv, sandboxMode: boolean): void {
  const lines = sandboxMode
    ? [
        "Exist Ownership, in sandbox mode: a local stand-in for Exist, no account needed.",
        `  App:      ${env.APP_URL}`,
        `  Sandbox:  ${env.EXIST_BASE_URL}  (accounts demo, heavy and new)`,
        "  To use exist.io instead, set EXIST_CLIENT_ID, EXIST_CLIENT_SECRET and AUTH_SECRET",
        '  (README, "Using exist.io instead of the sandbox").',
      ]
    : [
        "Exist Ownership",
        `  App:    ${env.APP_URL}`,
        `  Exist:  ${env.EXIST_BASE_URL ?? "https://exist.io"}`,
      ];
  console.log(`\n${lines.join("\n")}\n`);
}

async function main(): Promise<void> {
  const mode = process.argv[2];
  if (mode !== "dev" && mode !== "start") fail("Usage: tsx scripts/run.ts dev|start");
  const env = appEnvironment();
  const sandboxMode = !env.EXIST_CLIENT_ID?.trim();

  process.on("SIGINT", () => stop(0));
  process.on("SIGTERM", () => stop(0));
  // Started by npm (or a shell) that died without passing a signal on: this process is
  // adopted by another, so nothing is left to stop it but itself.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop(0);
  }, 500).unref();

  if (sandboxMode) {
    // tsx as a loader in the one process, not its CLI (which adds a process in between).
    run(["--import", "tsx", "sandbox/main.ts"], env);
    await waitForSandbox(env.EXIST_BASE_URL ?? "");
    if (stopping) return;
  }
  if (mode === "start" && buildIsStale()) {
    console.log("Building the app (next build)...");
    const build = track(
      spawn(process.execPath, [nextBin, "build"], { cwd: root, env, stdio: "inherit" }),
    );
    const code = await waitForExit(build);
    if (stopping) return;
    if (code !== 0) {
      console.error("next build failed.");
      return stop(code);
    }
  }
  if (stopping) return;
  if (mode === "start") {
    // Every time: a build made by `next build` alone lacks the static files.
    const missing = completeStandalone(root, distDir);
    if (missing.length > 0) {
      console.error(`The standalone build lacks: ${missing.join(", ")}`);
      return stop(1);
    }
  }
  banner(env, sandboxMode);
  const port = env.PORT?.trim() || "3000";
  if (mode === "start") {
    const flags = [preloadFlag(standaloneDir(root, distDir)), ...SERVER_NODE_FLAGS];
    run([...flags, serverJs], { ...env, PORT: port });
  } else run([nextBin, "dev", "--port", port], env);
}

void main();
