import { describe, expect, it } from "vitest";
import { OwnersMemo, ownersDigest, type OwnerLine } from "@/lib/api/history/owners-memo";

const line = (attribute: string, owner: string | null, active = true): OwnerLine => ({
  attribute,
  label: attribute,
  owner,
  active,
});
const owners = [line("steps", "Fitbit"), line("mood", null, false)];
const at = (seconds: number) => new Date(Date.UTC(2026, 11, 1, 9, 0, seconds));

describe("ownersDigest", () => {
  it("changes with any owner, label, active flag or order", () => {
    const digest = ownersDigest(owners);
    expect(ownersDigest([line("steps", "Fitbit"), line("mood", null, false)])).toBe(digest);
    for (const other of [
      [line("steps", "Oura"), line("mood", null, false)],
      [line("steps", "Fitbit"), line("mood", null, true)],
      [{ ...line("steps", "Fitbit"), label: "Steps" }, line("mood", null, false)],
      [line("mood", null, false), line("steps", "Fitbit")],
      [line("steps", "Fitbit")],
      // No owner is not an empty one.
      [line("steps", "Fitbit"), line("mood", "", false)],
    ]) {
      expect(ownersDigest(other)).not.toBe(digest);
    }
  });
});

describe("OwnersMemo: when a list load may skip the database", () => {
  it("skips only owners this process wrote, and keeps when they were last confirmed", () => {
    const memo = new OwnersMemo();
    const digest = ownersDigest(owners);
    expect(memo.unchanged("demo", digest, at(1))).toBe(false);
    memo.written("demo", digest, memo.generation("demo"), at(1));
    expect(memo.unchanged("demo", digest, at(5))).toBe(true);
    expect(memo.confirmedAt("demo")).toEqual(at(5));
    expect(memo.unchanged("demo", ownersDigest([line("steps", "Oura")]), at(6))).toBe(false);
    expect(memo.unchanged("other", digest, at(6))).toBe(false);
  });

  it("goes to the database again after a change of this app starts or settles", () => {
    const memo = new OwnersMemo();
    const digest = ownersDigest(owners);
    memo.written("demo", digest, memo.generation("demo"), at(1));
    memo.noteWrite("demo");
    expect(memo.unchanged("demo", digest, at(2))).toBe(false);
    // The confirmation time survives: a later change elsewhere was seen after it.
    expect(memo.confirmedAt("demo")).toEqual(at(1));
  });

  it("does not keep a load that started before a change of this app", () => {
    const memo = new OwnersMemo();
    const digest = ownersDigest(owners);
    const started = memo.generation("demo");
    memo.noteWrite("demo"); // an acquire starts while the load is in the database
    memo.written("demo", digest, started, at(1));
    expect(memo.unchanged("demo", digest, at(2))).toBe(false);
  });

  it("forgets a load that could not write everything", () => {
    const memo = new OwnersMemo();
    const digest = ownersDigest(owners);
    memo.written("demo", digest, memo.generation("demo"), at(1));
    memo.forget("demo");
    expect(memo.unchanged("demo", digest, at(2))).toBe(false);
    expect(memo.confirmedAt("demo")).toBeUndefined();
  });
});
