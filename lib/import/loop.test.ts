import { describe, expect, it } from "vitest";
import { isLoopEntry, loopCell } from "./loop";

describe("Loop Habit Tracker's cells", () => {
  it("are its words for a yes/no habit's day", () => {
    for (const cell of ["YES_MANUAL", "YES_AUTO", "NO", "SKIP", "UNKNOWN", " NO "]) {
      expect(isLoopEntry(cell), cell).toBe(true);
    }
    for (const cell of ["yes", "2", "", "No"]) expect(isLoopEntry(cell), cell).toBe(false);
  });

  it("become yes, no or empty", () => {
    expect(loopCell("YES_MANUAL", true)).toBe("yes");
    expect(loopCell("YES_AUTO", true)).toBe("no");
    expect(loopCell("NO", true)).toBe("no");
    expect(loopCell("SKIP", true)).toBe("");
    expect(loopCell("UNKNOWN", true)).toBe("");
  });

  it("give a numerical habit's number divided by 1000, its unknown days empty", () => {
    expect(loopCell("2500", false)).toBe("2.5");
    expect(loopCell("8000", false)).toBe("8");
    expect(loopCell("0", false)).toBe("0");
    expect(loopCell("-1", false)).toBe("");
    expect(loopCell("2500", true)).toBe("yes");
    expect(loopCell("0", true)).toBe("no");
    expect(loopCell("note", false)).toBe("note");
  });
});
