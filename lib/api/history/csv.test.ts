import { describe, expect, it } from "vitest";
import { CSV_HEADER, csvCell, csvLine } from "@/lib/api/history/csv";

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

  it("writes one line per row in the header's column order", () => {
    expect(CSV_HEADER.startsWith("when,kind,attribute,label,")).toBe(true);
    const line = csvLine({
      when: "2026-01-01T00:00:00.000Z",
      kind: "change",
      attribute: "steps",
      label: "Steps",
      action: "acquire",
      owner_before: "Fitbit",
      owner_after: "this app",
      outcome: "done",
      error_code: null,
      request_id: "r",
      seen_since: null,
    });
    expect(line).toBe(
      '"2026-01-01T00:00:00.000Z","change","steps","Steps","acquire","Fitbit","this app","done","","r",""\r\n',
    );
  });
});
