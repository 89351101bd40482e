import { describe, expect, it } from "vitest";
import { MAX_COLUMNS, MAX_ROWS } from "./limits";
import { CHUNK_CHARS, parseText, rowNumber, type ParsedTable } from "./parse-text";

function table(text: string): ParsedTable {
  const result = parseText(text);
  if (!result.ok) throw new Error(result.issue.message);
  return result.table;
}

function issue(text: string) {
  const result = parseText(text);
  if (result.ok) throw new Error(`parsed ${result.table.rows.length} rows`);
  return result.issue;
}

describe("reading a file's text as a table", () => {
  it("detects comma, semicolon and tab as the delimiter", () => {
    expect(table("date,steps,weight\n2026-03-01,8000,72.5\n")).toEqual({
      delimiter: ",",
      hasHeader: true,
      headers: ["date", "steps", "weight"],
      rows: [["2026-03-01", "8000", "72.5"]],
      firstRow: 2,
    });
    const semicolon = table("Datum;Gewicht\n01.03.2026;72,5\n02.03.2026;72,4");
    expect(semicolon.delimiter).toBe(";");
    expect(semicolon.rows).toEqual([
      ["01.03.2026", "72,5"],
      ["02.03.2026", "72,4"],
    ]);
    const tab = table("date\tnote\n2026-03-01\tfish, chips; peas\n");
    expect(tab.delimiter).toBe("\t");
    expect(tab.rows).toEqual([["2026-03-01", "fish, chips; peas"]]);
  });

  it("drops a byte order mark, so the first header is read right", () => {
    expect(table("\uFEFFDate,Steps\r\n2026-03-01,8000\r\n").headers).toEqual(["Date", "Steps"]);
  });

  it("takes the first row as data when it holds a date, naming the columns by number", () => {
    const headless = table("2026-03-01;8000\n2026-03-02;9000\n");
    expect(headless.hasHeader).toBe(false);
    expect(headless.headers).toEqual(["Column 1", "Column 2"]);
    expect(headless.firstRow).toBe(1);
    expect(headless.rows).toHaveLength(2);
  });

  it("keeps quoted delimiters, quotes and line breaks inside a cell", () => {
    const quoted = table('date,note\n2026-03-01,"Walked, then ""ran""\nhome"\n2026-03-02,x\n');
    expect(quoted.rows).toEqual([
      ["2026-03-01", 'Walked, then "ran"\nhome'],
      ["2026-03-02", "x"],
    ]);
  });

  it("leaves out Loop Habit Tracker's empty last column, and blank headers get a name", () => {
    const loop = table("Date,Meditate,Run,\n2026-03-02,YES_MANUAL,NO,\n2026-03-01,NO,UNKNOWN,\n");
    expect(loop.headers).toEqual(["Date", "Meditate", "Run"]);
    expect(table("date,,steps\n2026-03-01,x,1").headers).toEqual(["date", "Column 2", "steps"]);
  });

  it("numbers rows as a spreadsheet does, blank lines included", () => {
    const withBlank = table("date,steps\n2026-03-01,1\n\n2026-03-03,3\n\n\n");
    expect(withBlank.rows).toEqual([["2026-03-01", "1"], [""], ["2026-03-03", "3"]]);
    expect(rowNumber(withBlank, 0)).toBe(2);
    expect(rowNumber(withBlank, 2)).toBe(4);
  });

  it("reports progress chunk by chunk, ending with the whole file", () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => `2026-01-01,${i},some text here`);
    const text = `date,steps,note\n${rows.join("\n")}`;
    const reports: Array<{ rows: number; fraction: number }> = [];
    const result = parseText(text, { onProgress: (progress) => reports.push(progress) });
    expect(result.ok).toBe(true);
    expect(reports.length).toBe(Math.ceil(text.length / CHUNK_CHARS));
    expect(reports.at(-1)).toEqual({ rows: 60_001, fraction: 1 });
    expect(reports.map((report) => report.rows)).toEqual(
      [...reports.map((report) => report.rows)].sort((a, b) => a - b),
    );
  });
});

describe("files that cannot be read as a table", () => {
  it("an empty file, or a header alone", () => {
    expect(issue("")).toEqual({ code: "empty", message: "The file is empty." });
    expect(issue("\uFEFF \n")).toEqual({ code: "empty", message: "The file is empty." });
    expect(issue("date,steps\n")).toEqual({
      code: "no_data_rows",
      message: "The file has a header row but no rows of data.",
    });
    expect(issue("date,steps\n,\n\n").code).toBe("no_data_rows");
  });

  it("10,000 columns", () => {
    const header = Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(",");
    expect(issue(`${header}\n2026-03-01`)).toEqual({
      code: "too_many_columns",
      message:
        "Row 1 has 10,000 columns: a file may have at most 200, a date column and one column " +
        "per attribute.",
    });
    const wide = Array.from({ length: MAX_COLUMNS }, () => "1").join(",");
    expect(parseText(`2026-03-01,${wide.slice(2)}`).ok).toBe(true);
    expect(issue(`date,steps\n2026-03-01,${wide}`).message).toMatch(/^Row 2 has 201 columns/);
  });

  it("a 5 MB single line", () => {
    expect(issue("x".repeat(5 * 1024 * 1024))).toEqual({
      code: "row_too_long",
      message:
        "Row 1 is 5,242,880 characters long: a row may be at most 65,536. Is this a CSV file, " +
        "with one row per line?",
    });
    const note = "n".repeat(70_000);
    expect(issue(`date,note\n2026-03-01,"${note}"`).message).toMatch(
      /^Row 2 is 70,011 characters long/,
    );
  });

  it("more than 500,000 rows of data", () => {
    const rows = "2026-03-01,1\n".repeat(MAX_ROWS);
    expect(parseText(`date,steps\n${rows}`).ok).toBe(true);
    expect(issue(`date,steps\n${rows}2026-03-02,2\n`)).toEqual({
      code: "too_many_rows",
      message:
        "The file has more than 500,000 rows of data: at most 500,000 can be imported at once. " +
        "Split it into smaller files.",
    });
  }, 20_000);

  it("a quote that is never closed", () => {
    expect(issue('date,note\n2026-03-01,fine\n2026-03-02,"oops\n2026-03-03,x\n')).toEqual({
      code: "unclosed_quote",
      message:
        'Row 3 has a quote (") that is never closed, so the rest of the file would be read as ' +
        "one cell. Fix the quotes and choose the file again.",
    });
  });
});
