import { describe, expect, it, vi } from "vitest";
import type { Intent, NewEntry } from "@/lib/api/history/change-queries";
import { recordValues, writeSettlements } from "@/lib/api/history/record-write";
import { ExistError } from "@/lib/exist/errors";

const value = (id: number, attribute: string, day: string): Intent => ({
  id,
  attribute,
  label: attribute,
  ownerBefore: null,
  day,
});

const byDay = (open: readonly Intent[], item: Record<string, unknown>) =>
  open.findIndex(
    (intent) => intent.attribute === item.name && (!item.date || intent.day === item.date),
  );
const done = (intent: Intent) => ({
  ...intent,
  outcome: "done" as const,
  ownerAfter: null,
  errorCode: null,
});

describe("writeSettlements: a write's outcomes from Exist's answer", () => {
  const intents = [
    value(1, "water", "2026-01-01"),
    value(2, "water", "2026-01-02"),
    value(3, "weight", "2026-01-02"),
  ];

  it("matches each item by attribute and day, keeping Exist's code for refusals", () => {
    const settled = writeSettlements(
      intents,
      {
        status: 202,
        result: {
          // Out of order, and without a date (as increment answers when none was sent).
          success: [
            { name: "water", date: "2026-01-02", value: 1 },
            { name: "water", value: 2 },
          ],
          failed: [{ name: "weight", date: "2026-01-02", error_code: "unauthorised", error: "x" }],
        },
        untried: null,
      },
      byDay,
      done,
    );
    expect(settled.map((s) => [s.id, s.outcome, s.errorCode])).toEqual([
      [2, "done", null],
      [1, "done", null],
      [3, "refused", "unauthorised"],
    ]);
  });

  it("leaves the items of a call whose answer was lost unknown; later ones were not sent", () => {
    const items = intents.map((intent) => ({
      name: intent.attribute,
      date: intent.day ?? "",
      value: 1,
    }));
    const settled = writeSettlements(
      intents,
      {
        status: 202,
        result: { success: [], failed: [] },
        untried: { items, sent: 2, error: new ExistError("timeout", "no answer") },
      },
      byDay,
      done,
    );
    expect(settled.map((s) => [s.id, s.outcome])).toEqual([[3, "not_done"]]);
  });

  it("counts the failed call's items as refused when Exist refused it (rate limit)", () => {
    const items = [{ name: "weight", date: "2026-01-02", value: 1 }];
    const settled = writeSettlements(
      [intents[2]!],
      {
        status: 202,
        result: { success: [], failed: [] },
        untried: { items, sent: 1, error: new ExistError("rate_limited", "later") },
      },
      byDay,
      done,
    );
    expect(settled.map((s) => [s.id, s.outcome, s.errorCode])).toEqual([
      [3, "refused", "rate_limited"],
    ]);
  });
});

const recorded = vi.hoisted(() => [] as NewEntry[]);
// The embedded database (no DATABASE_URL).
vi.mock("@/lib/env", () => ({ env: () => ({ databaseUrl: undefined, existTimeoutMs: 10_000 }) }));
vi.mock("@/lib/api/history/settle-later", () => ({
  recordLater: async (_username: string, entries: NewEntry[]) => void recorded.push(...entries),
}));

describe("recordValues on the embedded database: each value recorded whole after the answer", () => {
  const items = [
    { name: "water", date: "2026-01-01", value: 500 },
    { name: "water", date: "2026-01-02", value: 750 },
    { name: "weight", date: "2026-01-02", value: 80 },
  ];
  const labels: Record<string, string> = { water: "Water", weight: "Weight" };
  const short = (entry: NewEntry) => [
    entry.attribute,
    entry.label,
    entry.day,
    entry.outcome,
    entry.errorCode,
  ];

  it("records nothing before Exist answers, then one entry per value with its outcome", async () => {
    recorded.length = 0;
    let answer: (value: Awaited<ReturnType<Parameters<typeof recordValues>[3]>>) => void = () => {};
    const writing = recordValues(
      "ann",
      "update",
      items,
      () => new Promise((resolve) => (answer = resolve)),
      (name) => labels[name],
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(recorded).toEqual([]);
    answer({
      status: 202,
      result: {
        success: [{ name: "water", date: "2026-01-02", value: 750 }],
        failed: [{ name: "weight", date: "2026-01-02", error_code: "unauthorised", error: "no" }],
      },
      untried: null,
    });
    await writing;
    expect(recorded.map(short)).toEqual([
      ["water", "Water", "2026-01-01", "unknown", null],
      ["water", "Water", "2026-01-02", "done", null],
      ["weight", "Weight", "2026-01-02", "refused", "unauthorised"],
    ]);
    expect(new Set(recorded.map((entry) => entry.requestId)).size).toBe(1);
    expect(recorded.every((entry) => entry.action === "update" && entry.username === "ann")).toBe(
      true,
    );
  });

  it("records a refused call as refused and a lost answer as unknown, and rethrows", async () => {
    recorded.length = 0;
    const refused = new ExistError("rate_limited", "slow down");
    await expect(
      recordValues("ann", "increment", items.slice(0, 1), async () => Promise.reject(refused)),
    ).rejects.toBe(refused);
    const lost = new ExistError("timeout", "no answer");
    await expect(
      recordValues("ann", "increment", items.slice(0, 1), async () => Promise.reject(lost)),
    ).rejects.toBe(lost);
    expect(recorded.map(short)).toEqual([
      ["water", "water", "2026-01-01", "refused", "rate_limited"],
      ["water", "water", "2026-01-01", "unknown", null],
    ]);
  });
});
