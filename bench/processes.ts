/**
 * Starts and stops the processes a benchmark needs (the sandbox and the production app), and
 * never leaves one running: every child is its own process group, killed on exit.
 */
import { spawn, type ChildProcess } from "node:child_process";

const children = new Set<ChildProcess>();

export function startProcess(name: string, command: string, env: Record<string, string>) {
  const child = spawn(command, {
    shell: true,
    detached: true,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Read and dropped, unless a step listens for a while (bench/prefetch-log.ts).
  child.stdout?.resume();
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  child.on("exit", () => children.delete(child));
  children.add(child);
  return { name, child, stderr: () => stderr };
}

export function stopAll() {
  for (const child of children) {
    if (child.pid !== undefined) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
  }
  children.clear();
}

/** Stops every child and waits (at most 10 s, then SIGKILL) until each has exited. */
export async function stopAllAndWait(): Promise<void> {
  const running = [...children].filter((child) => child.exitCode === null);
  const exited = running.map(
    (child) => new Promise<void>((resolve) => child.once("exit", () => resolve())),
  );
  const groups = running.map((child) => child.pid).filter((pid) => pid !== undefined);
  stopAll();
  const timer = setTimeout(() => {
    for (const pid of groups) {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }, 10_000);
  await Promise.all(exited);
  clearTimeout(timer);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stopAll();
    process.exit(130);
  });
}
process.on("exit", stopAll);

/** Polls `url` until it answers (any status below 500), or fails after `timeoutMs`. */
export async function waitFor(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { redirect: "manual" });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/** Polls `url` until nothing answers there any more, for at most `timeoutMs`. */
export async function waitForClosed(url: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await fetch(url).then(
      () => true,
      () => false,
    );
    if (!open) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  console.error(`bench: ${url} still answers after ${timeoutMs} ms`);
}
