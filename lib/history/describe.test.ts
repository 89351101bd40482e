import { describe, expect, it } from "vitest";
import type { HistoryEntry } from "@/lib/api/contract";
import { describeOutcome, describeOwners, describeWhat } from "@/lib/history/describe";

const write = (over: Partial<HistoryEntry>): HistoryEntry => ({
  id: 1,
  kind: "write",
  attribute: "water",
  label: "Water",
  action: "update",
  day: "2026-03-03",
  ownerBefore: null,
  ownerAfter: null,
  outcome: "done",
  errorCode: null,
  requestId: "r",
  seenSince: null,
  createdAt: "2026-03-03T10:00:00.000Z",
  ...over,
});

describe("history wording for writes", () => {
  it("names a value logged or added and its day, never an owner", () => {
    expect(describeWhat(write({}))).toBe("Logged here");
    expect(describeOwners(write({}))).toBe("For Tue 3 Mar 2026");
    expect(describeWhat(write({ action: "increment" }))).toBe("Added to total here");
  });

  it("says a refused write's code, and that a lost answer leaves the day to be checked", () => {
    expect(describeOutcome(write({ outcome: "refused", errorCode: "unauthorised" }))).toBe(
      "Refused by Exist (unauthorised)",
    );
    expect(describeOutcome(write({ outcome: "unknown" }))).toMatch(/check the day's value/);
    expect(describeOutcome(write({ outcome: "not_done" }))).toMatch(/^Not sent/);
  });

  it("names a tag created here, owned by this app once done", () => {
    const tag = write({ action: "create", day: null, attribute: "swim", label: "Swim" });
    expect(describeWhat(tag)).toBe("Tag created here");
    expect(describeOwners(tag)).toBe("Owner: this app");
    expect(describeOwners({ ...tag, outcome: "unknown" })).toBe("New tag");
    expect(describeOutcome({ ...tag, outcome: "unknown" })).toMatch(
      /whether the tag is in your list/,
    );
  });

  it("keeps the owner wording of changes", () => {
    const change = write({
      kind: "change",
      action: "acquire",
      day: null,
      ownerBefore: "Fitbit",
      ownerAfter: "this app",
    });
    expect(describeWhat(change)).toBe("Acquired here");
    expect(describeOwners(change)).toBe("Fitbit → this app");
  });
});
