import { describe, expect, it } from "vitest";
import { planBulk } from "./bulk";
import { makeAttribute } from "./test-fixtures";
import { allDone, failedKeys, summarize, summaryText } from "./results";

describe("summarize", () => {
  it("lists every item sent, with Exist's reason for each failure", () => {
    const results = summarize(
      [{ name: "steps" }, { name: "mood" }, { template: "pages_read" }],
      {
        success: [{ name: "steps" }, { template: "pages_read" }],
        failed: [{ name: "mood", error_code: "unauthorised", error: "Missing scope 'mood_write'" }],
      },
      new Map([
        ["steps", "Steps"],
        ["mood", "Mood"],
      ]),
    );
    expect(results).toEqual([
      { key: "steps", label: "Steps", ok: true, reason: null },
      { key: "mood", label: "Mood", ok: false, reason: "Missing scope 'mood_write'" },
      { key: "pages_read", label: "pages_read", ok: true, reason: null },
    ]);
    expect(summaryText("acquire", results)).toBe("Acquired 2 of 3 attributes; 1 failed.");
  });

  it("lists items never sent as failed, with our reason and code", () => {
    const result = {
      success: [{ name: "steps" }],
      failed: [],
      untried: {
        items: [{ name: "mood" }],
        code: "reauth_required" as const,
        message: "Exist no longer accepts this sign-in.",
      },
    };
    const results = summarize([{ name: "steps" }, { name: "mood" }], result, new Map());
    expect(results).toEqual([
      { key: "steps", label: "steps", ok: true, reason: null },
      {
        key: "mood",
        label: "mood",
        ok: false,
        reason: "Exist no longer accepts this sign-in.",
        untried: "reauth_required",
      },
    ]);
    expect(allDone(result)).toBe(false);
    expect(failedKeys(result)).toEqual(new Set(["mood"]));
    expect(allDone({ success: [{ name: "steps" }], failed: [] })).toBe(true);
  });
});

describe("planBulk", () => {
  const access = { writableGroups: ["activity"], manualWrite: false };
  const owned = makeAttribute({ name: "floors", ownedByApp: true });
  const other = makeAttribute();
  const readOnly = makeAttribute({
    name: "mood",
    group: { name: "mood", label: "Mood", priority: 4 },
  });
  it("acquires only what is writable and not ours yet", () => {
    expect(planBulk("acquire", [owned, other, readOnly], access)).toEqual({
      changes: [other],
      skipped: 2,
    });
  });
  it("releases only what this app owns", () => {
    expect(planBulk("release", [owned, other], access).changes).toEqual([owned]);
  });
});
