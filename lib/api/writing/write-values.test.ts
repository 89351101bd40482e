import { describe, expect, it } from "vitest";
import { shapeWriteAnswer } from "@/lib/api/writing/write-values";
import { ExistError } from "@/lib/exist/errors";

const sent = [
  { name: "water", date: "2026-01-01", value: 250 },
  { name: "water", date: "2026-01-02", value: 500 },
  { name: "coffees", date: "2026-01-02", value: 1 },
];

describe("shapeWriteAnswer: Exist's answer in our contract", () => {
  it("answers an increment's new total from `current`, and the amount added", () => {
    const answer = shapeWriteAnswer("increment", sent, {
      status: 202,
      result: {
        success: [
          { name: "water", date: "2026-01-02", value: 500, current: 1750 },
          { name: "water", value: 250, current: 250 },
        ],
        failed: [
          {
            name: "coffees",
            value: 1,
            error_code: "unauthorised",
            error: "Attribute 'coffees' does not belong to this service",
          },
        ],
      },
      untried: null,
    });
    expect(answer).toEqual({
      success: [
        { name: "water", date: "2026-01-02", value: 1750, added: 500 },
        { name: "water", date: "2026-01-01", value: 250, added: 250 },
      ],
      failed: [
        {
          name: "coffees",
          date: "2026-01-02",
          value: 1,
          error_code: "unauthorised",
          error: "Attribute 'coffees' does not belong to this service",
        },
      ],
    });
  });

  it("answers an update with the values saved", () => {
    const answer = shapeWriteAnswer("update", sent.slice(0, 1), {
      status: 200,
      result: { success: [{ ...sent[0] }], failed: [] },
      untried: null,
    });
    expect(answer.success).toEqual([{ name: "water", date: "2026-01-01", value: 250 }]);
  });

  it("splits a lost call's values (unknown) from those never sent (untried)", () => {
    const answer = shapeWriteAnswer("increment", sent, {
      status: 202,
      result: { success: [{ name: "water", date: "2026-01-01", current: 250 }], failed: [] },
      untried: { items: sent.slice(1), sent: 1, error: new ExistError("timeout", "late") },
    });
    expect(answer.unknown).toEqual({
      items: [sent[1]],
      code: "outcome_unknown",
      message: expect.stringMatching(/may or may not/),
    });
    expect(answer.untried).toEqual({ items: [sent[2]], code: "upstream_timeout", message: "late" });
  });

  it("counts a refused call's values as untried, none unknown", () => {
    const answer = shapeWriteAnswer("update", sent, {
      status: 202,
      result: { success: [], failed: [] },
      untried: { items: sent, sent: 3, error: new ExistError("rate_limited", "later") },
    });
    expect(answer.unknown).toBeUndefined();
    expect(answer.untried).toMatchObject({ items: sent, code: "rate_limited" });
  });
});
