import { describe, expect, it } from "vitest";
import { summarizeTable } from "./summary";
import { DAYLIO, LONG, LOOP, summaryOf, tableOf, WIDE_DMY } from "./test-fixtures";

describe("what a file holds", () => {
  it("a wide spreadsheet: a date column, a column per attribute, decimal commas", () => {
    const summary = summaryOf(WIDE_DMY);
    expect(summary).toMatchObject({
      delimiter: ";",
      hasHeader: true,
      rowCount: 4,
      firstRow: 2,
      source: "spreadsheet",
      layout: "wide",
      dateColumn: 0,
      keyColumn: null,
      valueColumn: null,
      dateFormats: ["dmy"],
      decimalComma: true,
      keys: [],
      daylio: null,
      formulaCells: 0,
    });
    expect(summary.columns.map(({ header, kind, filled }) => [header, kind, filled])).toEqual([
      ["Datum", "date", 4],
      ["Weight (lb)", "number", 4],
      ["Steps", "number", 4],
      ["Sleep", "text", 3],
      ["Meditated", "boolean", 3],
    ]);
    expect(summary.columns[1]?.samples).toEqual(["160,5", "161", "163"]);
    expect(summary.sample).toHaveLength(4);
  });

  it("asks about dates that read both ways, and finds none where they contradict", () => {
    const summary = summaryOf("date,steps\n01/03/2026,1\n02/03/2026,2\n");
    expect(summary.dateFormats).toEqual(["dmy", "mdy"]);
    expect(summaryOf("date,steps\n13/01/2026,1\n01/13/2026,2\n").dateFormats).toEqual([]);
  });

  it("takes a column named for dates even with a few cells that are not", () => {
    const summary = summaryOf("date,steps\n2026-03-01,1\nyesterday,2\n2026-03-03,3\nsoon,4\n");
    expect(summary).toMatchObject({ dateColumn: 0, dateFormats: ["iso"] });
    expect(summary.columns[0]).toMatchObject({ kind: "text", dateShare: 0.5 });
  });

  it("a long file: its attribute and value columns, and each attribute in it", () => {
    const summary = summaryOf(LONG);
    expect(summary).toMatchObject({ layout: "long", dateColumn: 0, keyColumn: 1, valueColumn: 2 });
    expect(summary.keys).toEqual([
      { key: "Steps", rows: 2, kind: "number" },
      { key: "Weight", rows: 1, kind: "number" },
      { key: "Mood", rows: 1, kind: "number" },
      { key: "Meditated", rows: 1, kind: "boolean" },
      { key: "Journaled", rows: 1, kind: "boolean" },
    ]);
  });

  it("a long file read with the columns the person chose, and only ones that fit", () => {
    const text = "date,attribute,value,note\n2026-03-01,Steps,10,Walk\n2026-03-02,Steps,12,Walk\n";
    const summarized = summarizeTable(tableOf(text), { keyColumn: 3, valueColumn: 2 });
    if (!summarized.ok) throw new Error(summarized.issue.message);
    expect(summarized.summary).toMatchObject({ layout: "long", keyColumn: 3, valueColumn: 2 });
    expect(summarized.summary.keys).toEqual([{ key: "Walk", rows: 2, kind: "number" }]);
    // The date column, one column twice, or one the file lacks: the columns found stay.
    for (const chosen of [
      { keyColumn: 0, valueColumn: 2 },
      { keyColumn: 2, valueColumn: 2 },
      { keyColumn: 1, valueColumn: 9 },
    ]) {
      const again = summarizeTable(tableOf(text), chosen);
      expect(again.ok && again.summary).toMatchObject({ keyColumn: 1, valueColumn: 2 });
    }
  });

  it("a long file without telling headers, by its repeated names", () => {
    const rows = ["day;what;how much"];
    for (const day of ["01", "02", "03"]) {
      rows.push(`2026-03-${day};Steps;100${day}`, `2026-03-${day};Water;20${day}`);
    }
    const summary = summaryOf(rows.join("\n"));
    expect(summary).toMatchObject({ layout: "long", keyColumn: 1, valueColumn: 2 });
    expect(summary.keys.map((key) => key.key)).toEqual(["Steps", "Water"]);
    // Two columns of text and numbers, each name once: wide.
    expect(summaryOf("date,label,score\n2026-03-01,a,1\n2026-03-02,b,2").layout).toBe("wide");
  });

  it("Daylio's export: its moods and activities, in order of appearance", () => {
    const summary = summaryOf(DAYLIO);
    expect(summary).toMatchObject({ source: "daylio", layout: "daylio", dateColumn: 0 });
    expect(summary.daylio).toEqual({
      moods: [
        { label: "rad", rows: 1 },
        { label: "meh", rows: 1 },
        { label: "amazing", rows: 1 },
      ],
      activities: [
        { label: "family", rows: 1 },
        { label: "walk", rows: 1 },
        { label: "work", rows: 1 },
      ],
    });
  });

  it("Loop Habit Tracker's checkmarks, by their words", () => {
    const summary = summaryOf(LOOP);
    expect(summary).toMatchObject({ source: "loop", layout: "wide", dateColumn: 0 });
    expect(summary.columns.map((column) => [column.header, column.kind])).toEqual([
      ["Date", "date"],
      ["Meditate", "boolean"],
      ["Run", "boolean"],
      ["Water", "number"],
    ]);
  });

  it("counts cells that look like formulas", () => {
    const summary = summaryOf('date,note,steps\n2026-03-01,=1+1,5\n2026-03-02,"@SUM(A1)",-3\n');
    expect(summary.formulaCells).toBe(2);
    expect(summary.columns[1]?.formulaCells).toBe(2);
  });

  it("refuses a file with no date column", () => {
    expect(summarizeTable(tableOf("name,steps\nann,1\nbob,2\n"))).toEqual({
      ok: false,
      issue: {
        code: "no_date_column",
        message:
          "No column of this file holds dates. A file needs a column of dates (such as " +
          "2026-03-31 or 31/03/2026) beside its values.",
      },
    });
  });

  it("prefers the column named for dates when several hold them", () => {
    const summary = summaryOf(
      "logged,date,steps\n2026-03-05,2026-03-01,1\n2026-03-05,2026-03-02,2",
    );
    expect(summary.dateColumn).toBe(1);
  });
});
