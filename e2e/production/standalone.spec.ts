/**
 * The production build as production runs it: the standalone folder, outside the project, with
 * `npm run start:prod`'s command, on an empty data folder, against a sandbox started beside it.
 */
import { existsSync, mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runtimeFiles } from "../../scripts/standalone";
import { expect, expectHydrated, test } from "../fixtures";
import { historyCsv, postTo } from "../history/http";
import { NAVIGATION_MS } from "../session";
import {
  childrenOf,
  copyStandalone,
  environment,
  executable,
  distDir,
  productionSandboxUrl,
  productionUrl,
  removeCopy,
  residentMb,
  root,
  startProductionSandbox,
  startStandalone,
  type ServerProcess,
} from "./servers";

let copy = "";
let missing: string[] = [];
let sandbox: ServerProcess | undefined;
let server: ServerProcess | undefined;
let dataDir = "";

test.beforeAll(async () => {
  ({ dir: copy, missing } = copyStandalone());
  sandbox = await startProductionSandbox();
});

test.afterAll(async () => {
  await server?.stop("SIGKILL");
  await sandbox?.stop("SIGKILL");
  if (copy) removeCopy(copy);
});

test.afterEach(() => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test.use({ baseURL: productionUrl(0) });

test("the standalone folder holds every file the server loads at run time", () => {
  expect(missing).toEqual([]);
  const files = runtimeFiles(root, distDir);
  // The ones the build's file tracing is known to miss, named, so that this cannot pass empty.
  for (const file of [
    "node_modules/@electric-sql/pglite/dist/pglite.wasm",
    "node_modules/@electric-sql/pglite/dist/pglite.data",
    "node_modules/@electric-sql/pglite/dist/initdb.wasm",
    "node_modules/pg-boss/dist/index.js",
    "json-output.mjs",
    "drizzle/meta/_journal.json",
    `${distDir}/static`,
  ]) {
    expect(files).toContain(file);
  }
  expect(files.filter((file) => !existsSync(path.join(copy, file)))).toEqual([]);
});

test("it serves alone: sign-in against the sandbox, an acquire in the history", async ({
  page,
}) => {
  test.setTimeout(180_000);
  dataDir = mkdtempSync(path.join(tmpdir(), "exist-ownership-e2e-standalone-"));
  server = await startStandalone(copy, 0, { DATA_DIR: dataDir });

  // One process, started as `node <start:prod's flags> server.js` (no shell, npm or tsx between):
  // Node itself (Next.js renames its title), with nothing of npm or tsx in its environment, and
  // nothing under it.
  expect(executable(server.pid)).toBe(realpathSync(process.execPath));
  expect(environment(server.pid).filter((line) => /^(npm_|NODE_OPTIONS=|TSX)/.test(line))).toEqual(
    [],
  );
  expect(childrenOf(server.pid)).toEqual([]);

  const health = await fetch(`${server.url}/api/health`);
  expect(health.status).toBe(200);
  const ready = await fetch(`${server.url}/api/ready`);
  expect(ready.status).toBe(200);
  expect(await ready.json()).toEqual({
    status: "ready",
    database: { kind: "embedded", state: "up" },
  });

  await page.goto("/");
  await page.getByRole("button", { name: "Sign in with Exist", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`^${productionSandboxUrl}/oauth2/authorize`), {
    timeout: NAVIGATION_MS,
  });
  await page.getByRole("radio", { name: /^demo\b/ }).check();
  await page.getByRole("button", { name: "Allow", exact: true }).click();
  await expect(page).toHaveURL(/\/attributes$/, { timeout: NAVIGATION_MS });
  // Hydrated: the build's scripts came from the standalone folder's static files.
  await expectHydrated(page);

  const cookie = (await page.context().cookies())
    .map(({ name, value }) => `${name}=${value}`)
    .join("; ");
  const acquired = await postTo(server.url, "/api/attributes/acquire", cookie, [{ name: "steps" }]);
  expect(acquired.status).toBe(200);
  await expect
    .poll(async () =>
      (await historyCsv(cookie, server?.url)).map((entry) => [
        entry.attribute,
        entry.action,
        entry.outcome,
      ]),
    )
    .toEqual([["steps", "acquire", "done"]]);

  // Reported, not asserted: memory is the benchmark's to measure, never a test's to fail on.
  const rss = residentMb(server.pid);
  test.info().annotations.push({ type: "memory", description: `${rss} MB resident` });
  console.log(`standalone server after one sign-in and an acquire: ${rss} MB resident`);

  // It stops by itself on SIGTERM (what it does meanwhile: drain.spec.ts).
  expect((await server.stop("SIGTERM")).signal).toBeNull();
});
