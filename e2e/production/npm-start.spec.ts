/**
 * `npm start` stops as a whole: a process manager sends SIGTERM to the pid it started (npm's)
 * alone, and npm passes it to a shell that dies without passing it on. Nothing it started may be
 * left running.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, httpTest as test } from "../fixtures";
import { SANDBOX_PORT } from "../env";
import { processGroup, productionPort, root } from "./servers";

/** What a process manager allows before it kills; the README's stated bound. */
const STOP_BOUND_MS = 15_000;

test("SIGTERM to npm start leaves no process behind within 15 s", async () => {
  test.setTimeout(240_000);
  const port = productionPort(5);
  const dataDir = mkdtempSync(path.join(tmpdir(), "exist-ownership-e2e-npm-start-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    SANDBOX_PORT: String(SANDBOX_PORT + 45),
    APP_URL: `http://localhost:${port}`,
    NEXTAUTH_URL: `http://localhost:${port}`,
    DATA_DIR: dataDir,
  };
  // Sandbox mode, with a session key made up by the launcher.
  for (const name of ["EXIST_CLIENT_ID", "EXIST_CLIENT_SECRET", "EXIST_BASE_URL", "AUTH_SECRET"]) {
    delete env[name];
  }
  // A process group of its own, so that the test can find (and, failing, kill) all it started.
  const npm = spawn("npm", ["start"], { cwd: root, env, detached: true, stdio: "ignore" });
  const group = npm.pid ?? 0;
  try {
    await expect
      .poll(
        () =>
          fetch(`http://localhost:${port}/`).then(
            (response) => response.status,
            () => 0,
          ),
        { timeout: 200_000, intervals: [500] },
      )
      .toBe(200);
    // npm, its shell, the launcher, the sandbox and the server at least.
    expect(processGroup(group).length).toBeGreaterThanOrEqual(5);

    const sent = Date.now();
    process.kill(group, "SIGTERM");
    await expect
      .poll(() => processGroup(group), { timeout: STOP_BOUND_MS, intervals: [250] })
      .toEqual([]);
    test.info().annotations.push({ type: "stopped", description: `${Date.now() - sent} ms` });
    console.log(`npm start stopped entirely ${Date.now() - sent} ms after SIGTERM`);
  } finally {
    try {
      process.kill(-group, "SIGKILL");
    } catch {
      // nothing left
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
});
