import { describe, expect, it } from "vitest";
import { looksLikeDate, parseDateCell, possibleDateFormats } from "./dates";

describe("which readings a column of dates allows", () => {
  it("year-first dates are ISO, whatever the separator", () => {
    expect(possibleDateFormats(["2026-03-01", "2026/03/02", "2026.3.4", ""])).toEqual(["iso"]);
    expect(possibleDateFormats(["2026-03-01 14:05", "2026-03-02T07:30:00Z"])).toEqual(["iso"]);
  });

  it("a day above 12 settles day/month against month/day", () => {
    expect(possibleDateFormats(["01/03/2026", "13/03/2026"])).toEqual(["dmy"]);
    expect(possibleDateFormats(["03/01/2026", "03/13/2026"])).toEqual(["mdy"]);
    expect(possibleDateFormats(["1.3.2026", "25.12.2026"])).toEqual(["dmy"]);
  });

  it("both, when no date tells them apart: the page asks", () => {
    expect(possibleDateFormats(["01/03/2026", "02/03/2026", "12/11/2026"])).toEqual(["dmy", "mdy"]);
  });

  it("neither, when the dates contradict each other", () => {
    expect(possibleDateFormats(["13/01/2026", "01/13/2026"])).toEqual([]);
  });

  it("leaves cells that are not dates, and days off the calendar, to be reported by row", () => {
    expect(possibleDateFormats(["01/03/2026", "n/a", "yesterday"])).toEqual(["dmy", "mdy"]);
    expect(possibleDateFormats(["2026-02-31"])).toEqual(["iso"]);
    expect(possibleDateFormats(["02/30/2026", "02/01/2026"])).toEqual(["mdy"]);
    expect(possibleDateFormats(["hello", "42", ""])).toEqual([]);
  });

  it("reads year-first cells the same under day/month and month/day", () => {
    expect(possibleDateFormats(["2026-03-01", "13/03/2026"])).toEqual(["dmy"]);
  });
});

describe("a date cell as the person's day", () => {
  it("reads each format", () => {
    expect(parseDateCell("2026-03-01", "iso")).toEqual({ ok: true, date: "2026-03-01" });
    expect(parseDateCell(" 2026/3/1 ", "iso")).toEqual({ ok: true, date: "2026-03-01" });
    expect(parseDateCell("01/03/2026", "dmy")).toEqual({ ok: true, date: "2026-03-01" });
    expect(parseDateCell("01/03/2026", "mdy")).toEqual({ ok: true, date: "2026-01-03" });
    expect(parseDateCell("1.3.2026", "dmy")).toEqual({ ok: true, date: "2026-03-01" });
    expect(parseDateCell("03-31-2026", "mdy")).toEqual({ ok: true, date: "2026-03-31" });
    expect(parseDateCell("2026-03-31", "mdy")).toEqual({ ok: true, date: "2026-03-31" });
  });

  it("takes a date with a time as written: Exist's days are the person's local days", () => {
    expect(parseDateCell("2026-03-01 23:30", "iso", "Europe/London")).toEqual({
      ok: true,
      date: "2026-03-01",
    });
    expect(parseDateCell("01/03/2026 11:54 pm", "dmy", "Asia/Tokyo")).toEqual({
      ok: true,
      date: "2026-03-01",
    });
  });

  it("moves a time with an offset to the person's day in their time zone", () => {
    expect(parseDateCell("2026-03-01T23:30:00Z", "iso", "Asia/Tokyo")).toEqual({
      ok: true,
      date: "2026-03-02",
    });
    expect(parseDateCell("2026-03-01T02:00:00+00:00", "iso", "America/New_York")).toEqual({
      ok: true,
      date: "2026-02-28",
    });
    expect(parseDateCell("2026-03-01 08:00+0530", "iso", "Europe/London")).toEqual({
      ok: true,
      date: "2026-03-01",
    });
    expect(parseDateCell("2026-03-01T23:30:00.000Z", "iso")).toEqual({
      ok: true,
      date: "2026-03-01",
    });
  });

  it("says why a cell is not a day, the calendar included", () => {
    expect(parseDateCell("2026-02-31", "iso")).toEqual({
      ok: false,
      error: "2026-02-31 is not a date on the calendar",
    });
    expect(parseDateCell("31/04/2026", "dmy")).toEqual({
      ok: false,
      error: "31/04/2026 is not a date on the calendar",
    });
    expect(parseDateCell("13/01/2026", "mdy")).toEqual({
      ok: false,
      error: "13/01/2026 is not a date on the calendar",
    });
    expect(parseDateCell("01/03/2026", "iso")).toEqual({
      ok: false,
      error: '"01/03/2026" is not a date written as YYYY-MM-DD',
    });
    expect(parseDateCell("yesterday", "dmy")).toEqual({
      ok: false,
      error: '"yesterday" is not a date written as DD/MM/YYYY',
    });
    expect(parseDateCell("01/03/26", "mdy")).toEqual({
      ok: false,
      error: '"01/03/26" is not a date written as MM/DD/YYYY',
    });
    expect(parseDateCell("2026-03-01 25:00", "iso").ok).toBe(false);
  });

  it("tells dates from other cells", () => {
    for (const cell of ["2026-03-01", "1/3/2026", "2026-03-01T07:00:00+02:00", "01.03.2026 7am"]) {
      expect(looksLikeDate(cell), cell).toBe(true);
    }
    for (const cell of ["72.5", "2026", "1/3", "March 1, 2026", "", "2026-03-01 later"]) {
      expect(looksLikeDate(cell), cell).toBe(false);
    }
  });
});
