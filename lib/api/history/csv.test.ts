import { describe, expect, it } from "vitest";
import type { HistoryEntry } from "@/lib/api/contract";
import { CSV_HEADER, csvCell, csvLine, csvRow } from "@/lib/api/history/csv";

describe("history CSV", () => {
  it("quotes every cell and doubles quotes", () => {
    expect(csvCell('Say "hi", then go')).toBe('"Say ""hi"", then go"');
    expect(csvCell(null)).toBe('""');
  });

  it("defuses cells a spreadsheet would run as formulas", () => {
    for (const hostile of ["=HYPERLINK(1)", "+1", "-1", "@SUM(A1)", "\tx", "\rx"]) {
      expect(csvCell(hostile)).toBe(`"'${hostile}"`);
    }
  });

  it("writes one line per entry in the header's column order, times as ISO", () => {
    expect(CSV_HEADER).toBe(
      "when,kind,attribute,label,action,day,owner_before,owner_after,outcome,error_code,request_id,seen_since\r\n",
    );
    const change: HistoryEntry = {
      id: 2,
      kind: "change",
      attribute: "steps",
      label: "Steps",
      action: "acquire",
      day: null,
      ownerBefore: "Fitbit",
      ownerAfter: "this app",
      outcome: "done",
      errorCode: null,
      requestId: "r",
      seenSince: null,
      createdAt: "2026-01-01T00:00:00.000Z",
    };
    expect(csvLine(csvRow(change))).toBe(
      '"2026-01-01T00:00:00.000Z","change","steps","Steps","acquire","","Fitbit","this app","done","","r",""\r\n',
    );
    const observed: HistoryEntry = {
      ...change,
      id: 1,
      kind: "observed",
      action: "owner",
      ownerBefore: "Oura",
      ownerAfter: "Withings",
      outcome: null,
      requestId: null,
      seenSince: "2025-12-31T08:00:00.000Z",
    };
    expect(csvLine(csvRow(observed))).toBe(
      '"2026-01-01T00:00:00.000Z","observed","steps","Steps","owner","","Oura","Withings","","","","2025-12-31T08:00:00.000Z"\r\n',
    );
  });
});
