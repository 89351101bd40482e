/**
 * One spec file's tests against the standalone build as production runs it: a copy of the build
 * and the production sandbox made before them; after them, the server and the sandbox stopped
 * and the copy and the data folder removed.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { httpTest as test } from "../fixtures";
import {
  copyStandalone,
  removeCopy,
  startProductionSandbox,
  startStandalone,
  type ServerProcess,
} from "./servers";

export function standaloneRig(name: string) {
  let copy = "";
  let sandbox: ServerProcess | undefined;
  let server: ServerProcess | undefined;
  let dataDir = "";

  test.beforeAll(async () => {
    ({ dir: copy } = copyStandalone());
    sandbox = await startProductionSandbox();
  });

  test.afterAll(async () => {
    await server?.stop("SIGKILL");
    await sandbox?.stop("SIGKILL");
    if (copy) removeCopy(copy);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  return {
    /** Starts the server (index 0's port) on the file's own data folder, the same one each time. */
    async start(env: Record<string, string> = {}): Promise<ServerProcess> {
      dataDir ||= mkdtempSync(path.join(tmpdir(), `exist-ownership-e2e-${name}-`));
      server = await startStandalone(copy, 0, { DATA_DIR: dataDir, ...env });
      return server;
    },
  };
}
