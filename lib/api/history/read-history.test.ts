import { describe, expect, it } from "vitest";
import { toHistoryEntry } from "@/lib/api/history/read-history";

describe("toHistoryEntry: a stored row as our API answers it", () => {
  it("keeps what the page shows, times as ISO, without the username or settling time", () => {
    const entry = toHistoryEntry({
      id: 7,
      username: "demo",
      kind: "observed",
      attribute: "sleep",
      label: "Time asleep",
      action: "owner",
      day: null,
      ownerBefore: "Oura",
      ownerAfter: "Withings",
      outcome: null,
      errorCode: null,
      requestId: null,
      createdAt: new Date(Date.UTC(2026, 0, 2, 9, 30)),
      seenSince: new Date(Date.UTC(2026, 0, 1, 18, 0)),
      settleAfter: null,
    });
    expect(entry).toEqual({
      id: 7,
      kind: "observed",
      attribute: "sleep",
      label: "Time asleep",
      action: "owner",
      day: null,
      ownerBefore: "Oura",
      ownerAfter: "Withings",
      outcome: null,
      errorCode: null,
      requestId: null,
      seenSince: "2026-01-01T18:00:00.000Z",
      createdAt: "2026-01-02T09:30:00.000Z",
    });
  });
});
