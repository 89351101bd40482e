import { describe, expect, it } from "vitest";
import {
  addedText,
  dayPhrase,
  dayValueText,
  lostText,
  savedText,
  unknownText,
} from "./write-wording";
import { IMPERIAL, METRIC } from "./test-fixtures";

const weight = { label: "Weight", name: "weight", template: "weight", value_type: 1 };
const water = { label: "Water", name: "water", template: "water", value_type: 0 };
const swim = { label: "Swim", name: "swim", template: null, value_type: 7 };

describe("the words of a write", () => {
  it("names the person's day", () => {
    expect(dayPhrase("2026-03-03", "2026-03-03")).toBe("today");
    expect(dayPhrase("2026-03-02", "2026-03-03")).toBe("yesterday");
    expect(dayPhrase("2026-02-20", "2026-03-03")).toBe("Fri 20 Feb");
  });

  it("shows the day's value in the person's units and what saving does", () => {
    expect(dayValueText(weight, 75, "today", IMPERIAL, true)).toBe(
      "Exist has 165.3 lb for today. Saving replaces it; Add to total adds to it.",
    );
    expect(dayValueText(swim, 1, "yesterday", METRIC, false)).toBe(
      "Exist has Yes for yesterday. Saving replaces it.",
    );
    expect(dayValueText(swim, null, "today", METRIC, false)).toBe(
      "Exist has no value for today yet.",
    );
  });

  it("announces a save and an increment with Exist's new total", () => {
    expect(savedText(weight, 72.5, "today", METRIC)).toBe("Saved Weight for today: 72.5 kg.");
    expect(addedText(water, 250, 1250, "today", METRIC)).toBe(
      "Added 250 ml to Water for today. The total is now 1,250 ml.",
    );
  });

  it("names the service that took the attribute", () => {
    expect(lostText("Weight", { name: "withings", label: "Withings" })).toBe(
      "Weight is now owned by Withings, so this app can't write it.",
    );
    expect(lostText("Weight", null)).toBe("Weight now has no owner, so this app can't write it.");
  });

  it("says a lost answer leaves the outcome unknown, with the value read back", () => {
    expect(unknownText(water, "increment", 250, "today", METRIC, { value: 1250 })).toBe(
      "Exist's answer was lost, so it is unknown whether 250 ml was added to Water. Exist now has 1,250 ml for today. Check it before adding again.",
    );
    expect(unknownText(weight, "update", 72, "today", METRIC, { error: "Exist is down." })).toBe(
      "Exist's answer was lost, so it is unknown whether Weight was saved. Its value for today could not be read back: Exist is down.",
    );
  });
});
