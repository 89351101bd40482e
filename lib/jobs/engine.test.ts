/**
 * The job engine on the embedded PGlite (sharing the instance drizzle uses), and on the
 * PostgreSQL server named by TEST_DATABASE_URL when it is set (CI sets it), where two engines
 * stand for two instances of the app.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { database as processDatabase, type Database } from "@/lib/db/database";
import {
  jobEngine,
  startJobEngine,
  stopJobEngine,
  targetOf,
  type JobEngine,
} from "@/lib/jobs/engine";

const serverUrl = process.env.TEST_DATABASE_URL;
if (!serverUrl && process.env.CI) {
  throw new Error("CI must set TEST_DATABASE_URL for the storage tests");
}
/** Jobs of this run only: a shared server may hold jobs an earlier run left. */
const run = `run-${process.pid}-${Date.now()}`;
const FAST = { pollingIntervalSeconds: 0.5 };

async function until(
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Handler calls per import id, and how many ran at once per import id, at most. */
function tracker() {
  const calls = new Map<string, number>();
  const running = new Map<string, number>();
  const mostAtOnce = new Map<string, number>();
  return {
    calls,
    mostAtOnce,
    async handle(importId: string, work: () => Promise<void> = async () => {}) {
      if (!importId.startsWith(run)) return;
      calls.set(importId, (calls.get(importId) ?? 0) + 1);
      const now = (running.get(importId) ?? 0) + 1;
      running.set(importId, now);
      mostAtOnce.set(importId, Math.max(mostAtOnce.get(importId) ?? 0, now));
      try {
        await work();
      } finally {
        running.set(importId, (running.get(importId) ?? 1) - 1);
      }
    },
  };
}

describe("job engine on PGlite", () => {
  let database: Database;
  let dataDir = "";
  let engine: JobEngine;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), "jobs-db-"));
    // The process's database, as the app opens it: one PGlite for drizzle and the engine.
    vi.stubEnv("AUTH_SECRET", "x".repeat(32));
    vi.stubEnv("DATA_DIR", dataDir);
    database = await processDatabase();
    engine = await startJobEngine(targetOf(database, undefined), FAST);
  }, 240_000);

  afterAll(async () => {
    await engine?.stop();
    await stopJobEngine();
    await database?.close();
    vi.unstubAllEnvs();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("starts the process's engine once, on the process's PGlite, until stopped", async () => {
    const starting = jobEngine();
    expect(jobEngine()).toBe(starting);
    const processEngine = await starting;
    expect(processEngine.kind).toBe("embedded");
    const importId = `${run}-process`;
    const worked: string[] = [];
    await processEngine.work("import-run", async ({ data }) => {
      if (data.importId === importId) worked.push(data.importId);
    });
    await processEngine.send("import-run", { importId }, { key: importId });
    // The default polling on PGlite is every 5 s.
    await until(() => worked.length === 1, 15_000);
    await stopJobEngine();
    const again = jobEngine();
    expect(again).not.toBe(starting);
    await again;
    await stopJobEngine();
  }, 60_000);

  it("starts a job sent to run now at once, not at the idle worker's next poll", async () => {
    // The process's engine polls PGlite every 5 s when idle; an import's first write must not
    // wait for that poll (measured here: 4,004 ms after an idle second without the wake, 9 ms with it).
    const processEngine = await jobEngine();
    const importId = `${run}-prompt`;
    let startedAt = 0;
    await processEngine.work("import-run", async ({ data }) => {
      if (data.importId === importId) startedAt = Date.now();
    });
    // The worker's first look, at once, found nothing: it now waits out its polling interval.
    await sleep(1_000);
    const sentAt = Date.now();
    await processEngine.send("import-run", { importId }, { key: importId });
    await until(() => startedAt > 0, 15_000);
    const delay = startedAt - sentAt;
    console.info(`jobs: a job sent to an idle worker started after ${delay} ms`);
    expect(delay).toBeLessThan(1_000);
    // One sent for later waits for its time: the wake is for jobs due now.
    const laterId = `${run}-prompt-later`;
    let laterRan = false;
    await processEngine.work("import-run", async ({ data }) => {
      if (data.importId === laterId) laterRan = true;
    });
    const later = new Date(Date.now() + 60 * 60 * 1000);
    const job = await processEngine.send(
      "import-run",
      { importId: laterId },
      { key: laterId, startAfter: later },
    );
    await sleep(500);
    expect(laterRan).toBe(false);
    await processEngine.boss.cancel("import-run", [job ?? ""]);
    await stopJobEngine();
  }, 60_000);

  it("works a job sent once, once", async () => {
    const seen = tracker();
    const worker = await engine.work("import-run", ({ data }) => seen.handle(data.importId));
    const importId = `${run}-once`;
    const id = await engine.send("import-run", { importId }, { key: importId });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await until(() => seen.calls.get(importId) === 1);
    // A few more polls find nothing more to do.
    await sleep(1_500);
    expect(seen.calls.get(importId)).toBe(1);
    const job = await engine.boss.getJobById("import-run", id ?? "");
    expect(job?.state).toBe("completed");
    await engine.boss.offWork("import-run", { id: worker });
  }, 30_000);

  it("keeps one job per import queued: sending again while it waits is a no-op", async () => {
    const importId = `${run}-queued`;
    const later = new Date(Date.now() + 60 * 60 * 1000);
    const first = await engine.send(
      "import-run",
      { importId },
      { key: importId, startAfter: later },
    );
    expect(first).not.toBeNull();
    expect(await engine.send("import-run", { importId }, { key: importId })).toBeNull();
    // Another import's job is queued beside it.
    const other = `${run}-queued-other`;
    const otherId = await engine.send("import-run", { importId: other }, { key: other });
    expect(otherId).not.toBeNull();
    await engine.boss.cancel("import-run", [first ?? "", otherId ?? ""]);
  });

  it("runs an import on one worker at a time; its next run waits for the running one", async () => {
    const seen = tracker();
    const importId = `${run}-one-at-a-time`;
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const workers = await Promise.all(
      [1, 2].map(() =>
        engine.work("import-run", ({ data }) =>
          seen.handle(data.importId, () =>
            data.importId === importId && seen.calls.get(importId) === 1 ? held : sleep(0),
          ),
        ),
      ),
    );
    try {
      await engine.send("import-run", { importId }, { key: importId });
      await until(() => seen.calls.get(importId) === 1);
      // The running job sends the next run of its import (as an import does for the next window):
      // it is queued, and no worker takes it while the first still runs.
      expect(await engine.send("import-run", { importId }, { key: importId })).not.toBeNull();
      await sleep(2_000);
      expect(seen.calls.get(importId)).toBe(1);
      release();
      await until(() => seen.calls.get(importId) === 2);
      expect(seen.mostAtOnce.get(importId)).toBe(1);
    } finally {
      release();
      for (const id of workers) await engine.boss.offWork("import-run", { id });
    }
  }, 30_000);

  it("shares PGlite with drizzle: the app's statements go on while jobs run", async () => {
    const seen = tracker();
    const importId = `${run}-shared`;
    const answers: number[] = [];
    const worker = await engine.work("import-run", ({ data }) =>
      seen.handle(data.importId, async () => {
        const result = await database.db.execute(sql`select 41 + 1 as answer`);
        answers.push(
          Number((result as unknown as { rows: Array<{ answer: number }> }).rows[0]?.answer),
        );
      }),
    );
    await engine.send("import-run", { importId }, { key: importId });
    await until(() => seen.calls.get(importId) === 1);
    expect(answers).toEqual([42]);
    await engine.boss.offWork("import-run", { id: worker });
  }, 30_000);

  it("stops gracefully: a running job finishes before stop() returns", async () => {
    const second = await startJobEngine(targetOf(database, undefined), FAST);
    const importId = `${run}-graceful`;
    let finished = false;
    await second.work("import-run", async ({ data }) => {
      if (data.importId !== importId) return;
      await sleep(1_000);
      finished = true;
    });
    const id = await second.send("import-run", { importId }, { key: importId });
    await until(
      async () => (await second.boss.getJobById("import-run", id ?? ""))?.state === "active",
    );
    await second.stop({ timeoutMs: 10_000 });
    expect(finished).toBe(true);
    expect((await engine.boss.getJobById("import-run", id ?? ""))?.state).toBe("completed");
  }, 30_000);
});

describe.skipIf(!serverUrl)("job engine on a shared PostgreSQL server", () => {
  const engines: JobEngine[] = [];

  beforeAll(async () => {
    for (let index = 0; index < 2; index += 1) {
      engines.push(await startJobEngine({ kind: "server", databaseUrl: serverUrl ?? "" }, FAST));
    }
  }, 60_000);

  afterAll(async () => {
    await Promise.all(engines.map((engine) => engine.stop()));
  });

  it("never gives one job to two instances, nor one import to two at once", async () => {
    const seen = tracker();
    const jobsSeen: string[] = [];
    const byEngine = [0, 0];
    for (const [index, engine] of engines.entries()) {
      const other = engines[1 - index];
      // Two workers per instance, racing for every job.
      for (let worker = 0; worker < 2; worker += 1) {
        await engine.work("import-run", ({ id, data }) =>
          seen.handle(data.importId, async () => {
            jobsSeen.push(id);
            byEngine[index] = (byEngine[index] ?? 0) + 1;
            if (seen.calls.get(data.importId) !== 1) return;
            // The first run sends the import's next run through the other instance, then
            // takes a while: the next run must wait for it.
            const { importId } = data;
            expect(await other?.send("import-run", { importId }, { key: importId })).not.toBeNull();
            await sleep(1_000);
          }),
        );
      }
    }
    // Rounds of two imports for four workers: idle workers are there to take a next run early.
    const ids: string[] = [];
    for (let round = 0; round < 5; round += 1) {
      const batch = [0, 1].map((index) => `${run}-server-${round}-${index}`);
      ids.push(...batch);
      for (const importId of batch) {
        await engines[round % 2]?.send("import-run", { importId }, { key: importId });
      }
      await until(() => batch.every((id) => seen.calls.get(id) === 2), 30_000);
    }
    await sleep(1_500);
    expect(ids.map((id) => seen.calls.get(id))).toEqual(ids.map(() => 2));
    expect(ids.map((id) => seen.mostAtOnce.get(id))).toEqual(ids.map(() => 1));
    expect(jobsSeen).toHaveLength(20);
    expect(new Set(jobsSeen).size).toBe(20);
    // Both instances took part (pg-boss hands each job to whichever asks first).
    expect(byEngine.every((count) => count > 0)).toBe(true);
  }, 120_000);
});
