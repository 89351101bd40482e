import { describe, expect, it } from "vitest";
import { csvCell, invalidCsv } from "./invalid-csv";

describe("the invalid rows' download", () => {
  it("puts a quote before a cell a spreadsheet would run as a formula", () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell("+1+cmd|' /C calc'!A0")).toBe("'+1+cmd|' /C calc'!A0");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tx")).toBe("'\tx");
  });

  it("leaves other cells and row numbers as they are, quoting commas and line breaks", () => {
    expect(csvCell(12)).toBe("12");
    expect(csvCell("72,5")).toBe('"72,5"');
    expect(csvCell("a\nb")).toBe('"a\nb"');
    expect(csvCell("plain")).toBe("plain");
  });

  it("writes a header and one line per cell", () => {
    const csv = invalidCsv([
      { row: 4, column: "Weight", cell: "=1+1", reason: "Not a number" },
      {
        row: 9,
        column: "Date",
        cell: "31/02/2026",
        reason: "31/02/2026 is not a date on the calendar",
      },
    ]);
    expect(csv).toBe(
      "Row,Column,Cell,Reason\r\n4,Weight,'=1+1,Not a number\r\n9,Date,31/02/2026,31/02/2026 is not a date on the calendar\r\n",
    );
  });
});
