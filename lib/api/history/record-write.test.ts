import { describe, expect, it } from "vitest";
import type { Intent } from "@/lib/api/history/change-queries";
import { writeSettlements } from "@/lib/api/history/record-write";
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
