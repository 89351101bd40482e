/**
 * CPU time per request of the app's server process (all its threads, from /proc; Linux only):
 * the same number of requests to each workload, in interleaved rounds so that a change in the
 * machine's load touches every workload alike. Time spent waiting for a core is not CPU time,
 * so these figures depend far less on other processes than requests per second or latency.
 */
import { readFileSync } from "node:fs";
import { load, type LoadTarget } from "./proxy";

/** CPU seconds (user + system, all threads) the process has used so far. */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  // utime and stime are fields 14 and 15 of /proc/<pid>/stat, in clock ticks (100 a second).
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

export type CpuWorkload = { name: string; target: LoadTarget };

/** One round of one workload: when (CLOCK_MONOTONIC µs, the CPU profile's clock) and CPU s. */
export type CpuWindow = { name: string; from: number; to: number; cpu: number };

export type CpuRun = { requests: number; rounds: number; connections: number; warmUp: number };

const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * An acquire writes its outcomes after answering, and the runtime collects garbage when it can:
 * a short pause before each reading keeps that work in the window of the workload that caused it.
 */
const SETTLE_MS = 300;

/** `requests` per workload (rounded up to whole rounds) at `connections`, after a warm-up. */
export async function measureCpu(
  pid: number,
  workloads: readonly CpuWorkload[],
  run: CpuRun,
  log: (text: string) => void = () => {},
): Promise<CpuWindow[]> {
  const perRound = requestsPerWorkload(run) / run.rounds;
  const send = async (target: LoadTarget, amount: number) => {
    const figures = await load(target, { connections: run.connections, amount });
    if (figures.errors > 0) {
      throw new Error(`${target.url}: ${figures.errors} of ${amount} answers were not expected`);
    }
  };
  for (const { target } of workloads) await send(target, run.warmUp);
  await sleep(SETTLE_MS);
  const windows: CpuWindow[] = [];
  for (let round = 0; round < run.rounds; round += 1) {
    for (const { name, target } of workloads) {
      log(`round ${round + 1} of ${run.rounds}, ${name}, ${perRound} requests`);
      const [from, before] = [monotonicMicros(), cpuSeconds(pid)];
      await send(target, perRound);
      await sleep(SETTLE_MS);
      windows.push({ name, from, to: monotonicMicros(), cpu: cpuSeconds(pid) - before });
    }
  }
  return windows;
}

/** Requests each workload gets: `requests` rounded up to whole rounds. */
export function requestsPerWorkload(run: CpuRun): number {
  return Math.ceil(run.requests / run.rounds) * run.rounds;
}

/** µs of the server's CPU per request, per workload, in the order first measured. */
export function cpuPerRequest(windows: readonly CpuWindow[], run: CpuRun): Record<string, number> {
  const requests = requestsPerWorkload(run);
  const totals: Record<string, number> = {};
  for (const { name, cpu } of windows) totals[name] = (totals[name] ?? 0) + cpu;
  return Object.fromEntries(
    Object.entries(totals).map(([name, cpu]) => [name, Math.round((cpu * 1e6) / requests)]),
  );
}
