import { describe, expect, it } from "vitest";
import { daysBetween, relativeDay, shortDate, stalledDays, stalledText, todayIn } from "./days";

describe("dates local to the user", () => {
  it("takes today in the user's time zone, not the browser's", () => {
    const now = new Date("2026-12-01T03:00:00Z");
    expect(todayIn("Europe/London", now)).toBe("2026-12-01");
    expect(todayIn("America/Chicago", now)).toBe("2026-11-30");
    expect(todayIn("Australia/Melbourne", now)).toBe("2026-12-01");
    expect(todayIn("Not/AZone", now)).toBe("2026-12-01");
  });

  it("says today, yesterday, N days ago", () => {
    expect(relativeDay("2026-11-30", "2026-11-30")).toBe("today");
    expect(relativeDay("2026-11-29", "2026-11-30")).toBe("yesterday");
    expect(relativeDay("2026-11-27", "2026-11-30")).toBe("3 days ago");
    expect(relativeDay("2026-12-01", "2026-11-30")).toBe("Tue 1 Dec");
    expect(daysBetween("2026-02-27", "2026-03-01")).toBe(2);
    expect(shortDate("2026-11-30")).toBe("Mon 30 Nov");
  });

  it("calls an attribute stalled after 3 days without a value", () => {
    expect(stalledDays({ date: "2026-11-30" }, "2026-11-30", 14)).toBeNull();
    expect(stalledDays({ date: "2026-11-28" }, "2026-11-30", 14)).toBeNull();
    expect(stalledDays({ date: "2026-11-27" }, "2026-11-30", 14)).toBe(3);
    expect(stalledDays(null, "2026-11-30", 14)).toBe(14);
    expect(stalledText({ date: "2026-11-25" }, 5, 14)).toBe("No new data for 5 days");
    expect(stalledText(null, 14, 14)).toBe("No new data in the last 14 days");
  });
});
