/**
 * Extra app instances for the history tests: the same build as the main test app (`next start`),
 * on ports derived from E2E_APP_PORT, with their own database settings.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { APP_PORT, appEnv } from "../env";

/** Ports of the extra instances: clear of the main app's (E2E_APP_PORT) in CI and locally. */
export const instancePort = (index: number) => APP_PORT + 20 + index;

export type AppInstance = {
  url: string;
  port: number;
  /** Everything the process printed so far. */
  output: () => string;
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
  stop: (signal?: NodeJS.Signals) => Promise<number | string>;
};

// Never leave an instance behind, even when the test process ends without its afterEach.
const running = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

export const tempDataDir = () => mkdtempSync(path.join(tmpdir(), "exist-ownership-e2e-instance-"));

/** Starts `next start` and resolves once it answers, or rejects with its output if it exits. */
export async function startInstance(
  port: number,
  env: Record<string, string>,
  { expectExit = false } = {},
): Promise<AppInstance> {
  const url = `http://localhost:${port}`;
  const child: ChildProcess = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "--port", String(port)],
    {
      env: {
        ...process.env,
        ...appEnv,
        PORT: String(port),
        APP_URL: url,
        NEXTAUTH_URL: url,
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  running.add(child);
  let log = "";
  child.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.on("exit", (code, signal) => {
      running.delete(child);
      resolve(code ?? signal ?? "unknown");
    }),
  );
  const instance: AppInstance = {
    url,
    port,
    output: () => log,
    exited,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  if (expectExit) return instance;
  const deadline = Date.now() + 60_000;
  let gone = false;
  void exited.then(() => (gone = true));
  while (Date.now() < deadline) {
    if (gone) throw new Error(`app on port ${port} exited:\n${log}`);
    const ready = await fetch(`${url}/`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return instance;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await instance.stop("SIGKILL");
  throw new Error(`app on port ${port} did not start within 60 s:\n${log}`);
}

/** Resolves once the instance's database is open: GET /api/history waits for it, then answers. */
export async function historyReady(instance: AppInstance, cookie: string): Promise<void> {
  const response = await fetch(`${instance.url}/api/history`, {
    headers: { Cookie: cookie },
    signal: AbortSignal.timeout(90_000),
  });
  if (response.status !== 200) throw new Error(`history on ${instance.url}: ${response.status}`);
}
