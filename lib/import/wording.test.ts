import { describe, expect, it } from "vitest";
import { durationText, paceText, plural } from "./wording";

describe("the import page's words for time and pace", () => {
  it("says how long the writes take, rounded up to the minute", () => {
    expect(durationText(2 * 3600 + 10 * 60)).toBe("about 2 h 10 min");
    expect(durationText(2 * 3600 + 9 * 60 + 1)).toBe("about 2 h 10 min");
    expect(durationText(3600)).toBe("about 1 h");
    expect(durationText(300)).toBe("about 5 min");
    expect(durationText(30)).toBe("less than a minute");
    expect(durationText(0)).toBe("no time");
  });

  it("names the window by its length", () => {
    expect(paceText(200, 3600)).toBe("200 calls an hour");
    expect(paceText(20, 60)).toBe("20 calls a minute");
    expect(paceText(1, 90)).toBe("1 call every 90 s");
  });

  it("counts with the right noun", () => {
    expect(plural(1, "call")).toBe("1 call");
    expect(plural(1200, "entry", "entries")).toBe("1,200 entries");
  });
});
