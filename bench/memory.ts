/**
 * Memory after one sign-in: the production process (`npm run start:prod`'s command: the
 * standalone server alone, from a copy of the standalone folder outside the project) next to the
 * `npm start` chain (npm, its shell, the launcher, the sandbox and the same server). Each starts
 * on an empty data folder, signs in over HTTP and loads the attributes page once; then, after a
 * moment for the first requests' garbage to go, the resident memory (VmRSS) of every process.
 *
 * Uses the build in NEXT_DIST_DIR (the bench's). `npx tsx bench/memory.ts` runs it alone, with
 * the bench's variables, after a build.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SANDBOX_PORT } from "../e2e/env";
import { signInOverHttp } from "../e2e/production/http-sign-in";
import {
  copyStandalone,
  processGroup,
  productionPort,
  productionUrl,
  removeCopy,
  residentMb,
  root,
  startProductionSandbox,
  startStandalone,
} from "../e2e/production/servers";
import type { ReportedRow } from "./report";

export type ProcessMemory = { command: string; residentMb: number };

export type MemoryFigures = {
  /** The standalone server, alone, as production runs it. */
  production: ProcessMemory;
  /** Every process of `npm start`'s group, the server among them. */
  npmStart: ProcessMemory[];
};

const SETTLE_MS = 3000;
const STOP_BOUND_MS = 15_000;

const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

/** What a process runs, short: `node --import tsx sandbox/main.ts`, `next-server`, `npm start`. */
function commandOf(pid: number): string {
  const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
  const short = argv.map((part) => (part.startsWith("/") ? path.basename(part) : part));
  return short.join(" ").slice(0, 60);
}

function freshDataDir(name: string): string {
  return mkdtempSync(path.join(tmpdir(), `exist-ownership-bench-${name}-`));
}

async function productionProcess(): Promise<ProcessMemory> {
  const { dir, missing } = copyStandalone();
  if (missing.length > 0) throw new Error(`the standalone build lacks ${missing.join(", ")}`);
  const dataDir = freshDataDir("standalone");
  const sandbox = await startProductionSandbox();
  try {
    const server = await startStandalone(dir, 0, { DATA_DIR: dataDir });
    try {
      await signInOverHttp(productionUrl(0));
      await settle();
      return { command: commandOf(server.pid), residentMb: residentMb(server.pid) };
    } finally {
      await server.stop("SIGTERM");
    }
  } finally {
    await sandbox.stop("SIGTERM");
    removeCopy(dir);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function npmStartChain(): Promise<ProcessMemory[]> {
  const port = productionPort(5);
  const appUrl = `http://localhost:${port}`;
  const dataDir = freshDataDir("npm-start");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    SANDBOX_PORT: String(SANDBOX_PORT + 45),
    APP_URL: appUrl,
    NEXTAUTH_URL: appUrl,
    DATA_DIR: dataDir,
  };
  // Sandbox mode, with the keys the launcher makes up, as a newcomer runs it.
  for (const name of [
    "EXIST_CLIENT_ID",
    "EXIST_CLIENT_SECRET",
    "EXIST_BASE_URL",
    "AUTH_SECRET",
    "TOKEN_ENCRYPTION_KEY",
  ]) {
    delete env[name];
  }
  const npm = spawn("npm", ["start"], { cwd: root, env, detached: true, stdio: "ignore" });
  const group = npm.pid ?? 0;
  try {
    const deadline = Date.now() + 240_000;
    for (;;) {
      const up = await fetch(`${appUrl}/api/health`).then(
        (response) => response.ok,
        () => false,
      );
      if (up) break;
      if (Date.now() > deadline) throw new Error(`npm start did not answer at ${appUrl}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await signInOverHttp(appUrl);
    await settle();
    return processGroup(group).map((pid) => ({
      command: commandOf(pid),
      residentMb: residentMb(pid),
    }));
  } finally {
    process.kill(group, "SIGTERM");
    const deadline = Date.now() + STOP_BOUND_MS;
    while (processGroup(group).length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    try {
      process.kill(-group, "SIGKILL");
    } catch {
      // nothing left
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Both, one after the other, never side by side (each has the machine to itself). */
export async function memoryFigures(): Promise<MemoryFigures> {
  const production = await productionProcess();
  const npmStart = await npmStartChain();
  return { production, npmStart };
}

const total = (processes: ProcessMemory[]) =>
  processes.reduce((sum, process) => sum + process.residentMb, 0);

export function memoryRows(memory: MemoryFigures | undefined): ReportedRow[] {
  if (!memory) return [];
  const server = memory.npmStart.find((process) => /server\.js|next-server/.test(process.command));
  return [
    {
      figure: "memory after one sign-in: the production process (start:prod, 1 process)",
      value: `${memory.production.residentMb} MB resident`,
    },
    {
      figure: `memory after one sign-in: npm start (${memory.npmStart.length} processes)`,
      value: `${total(memory.npmStart)} MB in all, its server ${server?.residentMb ?? "?"} MB (${memory.npmStart
        .map((process) => `${process.command}: ${process.residentMb}`)
        .join("; ")})`,
    },
  ];
}

if (process.argv[1]?.endsWith("memory.ts")) {
  void memoryFigures().then((memory) => {
    for (const row of memoryRows(memory)) console.log(`${row.figure}: ${row.value}`);
  });
}
