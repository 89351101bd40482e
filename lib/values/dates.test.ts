import { describe, expect, it } from "vitest";
import { dateIssue, isCalendarDate, todayIn, yesterdayOf } from "./dates";

describe("the day a value is for", () => {
  it("today is the date in the person's Exist time zone, not the server's", () => {
    const now = new Date("2026-03-01T02:30:00Z");
    expect(todayIn("Europe/London", now)).toBe("2026-03-01");
    expect(todayIn("America/Los_Angeles", now)).toBe("2026-02-28");
    expect(todayIn("Pacific/Kiritimati", new Date("2026-12-31T10:30:00Z"))).toBe("2027-01-01");
    expect(todayIn("Australia/Melbourne", new Date("2026-06-30T14:00:00Z"))).toBe("2026-07-01");
  });

  it("yesterday is the day before by the calendar, across months, years and leap days", () => {
    expect(yesterdayOf("2026-03-01")).toBe("2026-02-28");
    expect(yesterdayOf("2028-03-01")).toBe("2028-02-29");
    expect(yesterdayOf("2027-01-01")).toBe("2026-12-31");
    expect(yesterdayOf("2026-10-25")).toBe("2026-10-24");
  });

  it("only real calendar dates", () => {
    expect(isCalendarDate("2026-02-28")).toBe(true);
    expect(isCalendarDate("2028-02-29")).toBe(true);
    for (const date of ["2026-02-29", "2026-02-31", "2026-04-31", "2026-13-01", "2026-00-10"]) {
      expect(isCalendarDate(date), date).toBe(false);
    }
    for (const date of ["2026-2-3", "20260203", "2026-02-03T00:00", " 2026-02-03", ""]) {
      expect(isCalendarDate(date), date).toBe(false);
    }
  });

  it("says why a date cannot take a value: its form, the calendar, or the future", () => {
    const today = "2026-03-01";
    expect(dateIssue("2026-03-01", today)).toBeNull();
    expect(dateIssue("2020-01-31", today)).toBeNull();
    expect(dateIssue("01/03/2026", today)).toBe("Enter a date as YYYY-MM-DD");
    expect(dateIssue("2026-02-31", today)).toBe("2026-02-31 is not a date on the calendar");
    expect(dateIssue("2026-03-02", today)).toBe("The date can't be after today");
    expect(dateIssue("2027-01-01", today)).toBe("The date can't be after today");
  });
});
