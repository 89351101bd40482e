/**
 * The production server as it runs in production, for the tests in e2e/production/: the
 * standalone folder of the test build (completed as `npm run build` completes it), copied out of
 * the project so that nothing resolves from the project's node_modules, started with the very
 * command `npm run start:prod` runs (node, its flags, server.js: no npm, no tsx, no sandbox), and
 * a sandbox of its own started beside it (the sandbox accepts one redirect URI: this server's).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { completeStandalone, standaloneDir } from "../../scripts/standalone";
import { APP_PORT, SANDBOX_PORT, TEST_AUTH_SECRET } from "../env";

export const root = path.resolve(import.meta.dirname, "../..");
export const distDir = process.env.NEXT_DIST_DIR || ".next";

/** Ports clear of the main app's and of e2e/history/instances.ts's (APP_PORT + 20 + i). */
export const productionPort = (index: number) => APP_PORT + 40 + index;
export const productionSandboxPort = SANDBOX_PORT + 40;
export const productionSandboxUrl = `http://127.0.0.1:${productionSandboxPort}`;
export const productionUrl = (index = 0) => `http://localhost:${productionPort(index)}`;

/**
 * Node's flags in package.json's `start:prod`, which must run the standalone server alone, for a
 * copy of the standalone folder in `dir` (the preload's path is the copy's).
 */
export function startProdFlags(dir: string): string[] {
  const scripts = (
    JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    }
  ).scripts;
  const match = /^node((?: --[\w-]+(?:=\S+)?)*) \.next\/standalone\/server\.js$/.exec(
    scripts["start:prod"] ?? "",
  );
  if (!match) throw new Error(`start:prod is not "node [flags] .next/standalone/server.js"`);
  return (match[1] ?? "")
    .trim()
    .split(" ")
    .filter(Boolean)
    .map((flag) => flag.replace("=./.next/standalone/", `=${dir}/`));
}

/**
 * Completes the test build's standalone folder and copies it to a temporary folder.
 * `missing`: the run-time files the completed folder still lacks (none, when it works).
 */
export function copyStandalone(): { dir: string; missing: string[] } {
  const missing = completeStandalone(root, distDir);
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "exist-ownership-standalone-")), "app");
  cpSync(standaloneDir(root, distDir), dir, { recursive: true, verbatimSymlinks: true });
  return { dir, missing };
}

// Never leave a process behind, even when the test process ends without its afterEach.
const running = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

export type Exit = { code: number | null; signal: NodeJS.Signals | null; at: number };

export type ServerProcess = {
  url: string;
  pid: number;
  /** stdout and stderr as they came, interleaved. */
  output: () => string;
  /** Each stream alone (interleaved, a line of one could be cut by a chunk of the other). */
  stdout: () => string;
  stderr: () => string;
  exited: Promise<Exit>;
  stop: (signal?: NodeJS.Signals) => Promise<Exit>;
};

function track(child: ChildProcess, url: string): ServerProcess {
  running.add(child);
  let log = "";
  let stdout = "";
  let stderr = "";
  // Decoded as a stream: a character cut between two chunks stays whole.
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    log += chunk;
    stdout += chunk;
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    log += chunk;
    stderr += chunk;
  });
  const exited = new Promise<Exit>((resolve) =>
    child.on("exit", (code, signal) => {
      running.delete(child);
      resolve({ code, signal, at: Date.now() });
    }),
  );
  if (child.pid === undefined) throw new Error("the process did not start");
  return {
    url,
    pid: child.pid,
    output: () => log,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Polls `url` until it answers 200, or throws with the process's output once it exits. */
export async function waitUntilUp(server: ServerProcess, url: string, timeoutMs = 90_000) {
  let gone = false;
  void server.exited.then(() => (gone = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`${server.url} exited:\n${server.output()}`);
    const up = await fetch(url).then(
      (response) => response.status === 200,
      () => false,
    );
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await server.stop("SIGKILL");
  throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${server.output()}`);
}

/** The standalone server in `dir` on `productionPort(index)`, against the test's own sandbox. */
export async function startStandalone(
  dir: string,
  index: number,
  env: Record<string, string>,
): Promise<ServerProcess> {
  const url = productionUrl(index);
  const child = spawn(process.execPath, [...startProdFlags(dir), path.join(dir, "server.js")], {
    // Only what production sets: no inherited NEXT_*, npm_* or tsx variables.
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      HOSTNAME: "0.0.0.0",
      PORT: String(productionPort(index)),
      APP_URL: url,
      AUTH_SECRET: TEST_AUTH_SECRET,
      EXIST_BASE_URL: productionSandboxUrl,
      NEXT_TELEMETRY_DISABLED: "1",
      ...env,
    },
    cwd: tmpdir(),
    stdio: ["ignore", "pipe", "pipe"],
  });
  const server = track(child, url);
  await waitUntilUp(server, `${url}/api/health`);
  return server;
}

/** A sandbox for the production server at `productionUrl(0)`. */
export async function startProductionSandbox(): Promise<ServerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "sandbox/main.ts"], {
    cwd: root,
    env: {
      ...process.env,
      SANDBOX_PORT: String(productionSandboxPort),
      APP_URL: productionUrl(0),
      NEXTAUTH_URL: productionUrl(0),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const sandbox = track(child, productionSandboxUrl);
  await waitUntilUp(sandbox, `${productionSandboxUrl}/__sandbox/state?account=demo`, 30_000);
  return sandbox;
}

/** Resident memory (VmRSS) of a process, in MB. */
export function residentMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Math.round(Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024);
}

/** The program a live process runs. */
export function executable(pid: number): string {
  return readlinkSync(`/proc/${pid}/exe`);
}

/** The environment a live process started with, as `NAME=value` lines. */
export function environment(pid: number): string[] {
  return readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").filter(Boolean);
}

/** Live processes whose process group is `group` (Linux /proc). */
export function processGroup(group: number): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        // Fields after the command (which is in parentheses and may hold spaces).
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        // state ppid pgrp ...; a zombie has exited already.
        return fields[0] !== "Z" && Number(fields[2]) === group;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Live children of `pid`. */
export function childrenOf(pid: number): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        return fields[0] !== "Z" && Number(fields[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

export function removeCopy(dir: string): void {
  rmSync(path.dirname(dir), { recursive: true, force: true });
}
