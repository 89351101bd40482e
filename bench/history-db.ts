/**
 * Run by bench/history.ts in a process of its own (`tsx --conditions=react-server`, so the
 * server-only modules load), before the app opens the same embedded database:
 * - seeds `count` history entries for `username` (for the /history first-page timing);
 * - times what recording adds to an acquire: the in-flight row written while the call to Exist is
 *   under way and the entry after, one item, at concurrency 1, with the app's own statements.
 * Prints one JSON line.
 */
import { openDatabase } from "../lib/db/database";
import { insertEntries, insertFlight } from "../lib/api/history/change-queries";
import { historyEntries } from "../lib/db/schema";

const [dataDir = ".data-bench", username = "demo", countText = "10000"] = process.argv.slice(2);
const count = Number(countText);

async function main() {
  const database = await openDatabase({ dataDir });
  const { db } = database;
  const at = Date.now() - count * 1000;
  for (let start = 0; start < count; start += 1000) {
    const rows = Array.from({ length: Math.min(1000, count - start) }, (_, index) => ({
      username,
      kind: "change" as const,
      attribute: `seeded_${(start + index) % 200}`,
      label: `Seeded ${(start + index) % 200}`,
      action: (start + index) % 2 ? "release" : "acquire",
      ownerBefore: "Fitbit",
      ownerAfter: "this app",
      outcome: "done" as const,
      requestId: `seed-${start + index}`,
      createdAt: new Date(at + (start + index) * 1000),
    }));
    await db.insert(historyEntries).values(rows);
  }

  // The in-flight row is written while the call is under way; the entry after the answer.
  const timings: number[] = [];
  const outcomes: number[] = [];
  for (let run = 0; run < 300; run++) {
    const requestId = `bench-${run}`;
    const started = performance.now();
    const flight = await insertFlight(db, {
      username: "bench_recording",
      kind: "change",
      action: "acquire",
      items: [{ attribute: "steps" }],
      requestId,
      settleAfter: new Date(Date.now() + 10_000),
    });
    timings.push(performance.now() - started);
    const settling = performance.now();
    await insertEntries(db, [
      {
        username: "bench_recording",
        kind: "change",
        action: "acquire",
        attribute: "steps",
        label: null,
        day: null,
        outcome: "done",
        ownerAfter: "this app",
        errorCode: null,
        requestId,
        flight,
      },
    ]);
    outcomes.push(performance.now() - settling);
  }
  await database.close();
  const quantile = (values: number[], q: number) =>
    [...values].sort((a, b) => a - b)[Math.floor(q * (values.length - 1))] ?? 0;
  console.log(
    JSON.stringify({
      seeded: count,
      recordingP50Ms: quantile(timings, 0.5),
      recordingP99Ms: quantile(timings, 0.99),
      outcomeP50Ms: quantile(outcomes, 0.5),
    }),
  );
}

void main();
