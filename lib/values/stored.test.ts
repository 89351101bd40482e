import { describe, expect, it } from "vitest";
import { storedValueIssue } from "./stored";
import { custom, template } from "./test-fixtures";

describe("values as Exist stores them, checked by value type", () => {
  it("0 integer: whole, 0 or more, within a template's range", () => {
    expect(storedValueIssue(template("steps"), 8012)).toBeNull();
    expect(storedValueIssue(template("steps"), 0)).toBeNull();
    expect(storedValueIssue(template("steps"), 12.5)).toBe("Steps must be a whole number");
    expect(storedValueIssue(template("steps"), "12")).toBe("Steps must be a whole number");
    expect(storedValueIssue(template("steps"), -1)).toBe("Steps can't be negative");
    expect(storedValueIssue(template("steps"), 3_000_000_000)).toBe("Steps is too large");
    expect(storedValueIssue(template("menstrual_flow"), 5)).toBe(
      "Menstrual flow is 0 (none) to 4 (heavy)",
    );
  });

  it("1 decimal: a finite number, not negative where it is an amount", () => {
    expect(storedValueIssue(template("weight"), 75.069537)).toBeNull();
    expect(storedValueIssue(template("weight"), -0.5)).toBe("Weight can't be negative");
    expect(storedValueIssue(template("weight"), Number.NaN)).toBe("Weight must be a number");
    expect(storedValueIssue(template("weight"), "75")).toBe("Weight must be a number");
    expect(storedValueIssue(template("weather_temp_max"), -12.5)).toBeNull();
    expect(storedValueIssue(template("money_spent"), -5)).toBeNull();
    expect(storedValueIssue(custom("score", "Score", 1, "misc"), -5)).toBeNull();
  });

  it("2 string: text up to 1000 characters", () => {
    expect(storedValueIssue(template("mood_note"), "Slept well")).toBeNull();
    expect(storedValueIssue(template("mood_note"), "x".repeat(1001))).toBe(
      "Mood note is at most 1000 characters",
    );
    expect(storedValueIssue(template("mood_note"), 7)).toBe("Mood note must be text");
    expect(storedValueIssue(template("location"), "51.5,-0.12")).toBeNull();
    expect(storedValueIssue(template("location"), "home")).toBe(
      "Enter Location as lat,lng, e.g. 51.5072,-0.1276",
    );
  });

  it("3 duration: whole minutes up to a day", () => {
    expect(storedValueIssue(template("sleep"), 452)).toBeNull();
    expect(storedValueIssue(template("sleep"), 1440)).toBeNull();
    expect(storedValueIssue(template("sleep"), 1441)).toBe(
      "Time asleep must be whole minutes, at most 1440 (a day)",
    );
    expect(storedValueIssue(template("sleep"), 7.5)).not.toBeNull();
    expect(storedValueIssue(template("sleep"), -1)).not.toBeNull();
  });

  it("4 and 6 time of day: whole minutes 0–1439", () => {
    expect(storedValueIssue(template("sleep_end"), 0)).toBeNull();
    expect(storedValueIssue(template("sleep_end"), 1439)).toBeNull();
    expect(storedValueIssue(template("sleep_end"), 1440)).toBe(
      "Wake time must be whole minutes from midnight, 0–1439",
    );
    expect(storedValueIssue(template("sleep_start"), 810)).toBeNull();
    expect(storedValueIssue(template("sleep_start"), -30)).toBe(
      "Bedtime must be whole minutes from midday, 0–1439",
    );
  });

  it("5 percentage: a fraction 0 to 1, so 24.22 (a percent) is refused", () => {
    expect(storedValueIssue(template("body_fat"), 0.2422)).toBeNull();
    expect(storedValueIssue(template("body_fat"), 1)).toBeNull();
    expect(storedValueIssue(template("body_fat"), 24.22)).toBe(
      "Body fat must be a fraction from 0 to 1 (24 % is 0.24)",
    );
    expect(storedValueIssue(template("body_fat"), -0.1)).not.toBeNull();
  });

  it("7 boolean: 1 or 0", () => {
    const tag = custom("meditated", "Meditated", 7);
    expect(storedValueIssue(tag, 1)).toBeNull();
    expect(storedValueIssue(tag, 0)).toBeNull();
    expect(storedValueIssue(tag, 2)).toBe("Meditated must be 1 (yes) or 0 (no)");
    expect(storedValueIssue(tag, "yes")).toBe("Meditated must be 1 (yes) or 0 (no)");
  });

  it("8 scale: whole 1 to 9", () => {
    expect(storedValueIssue(template("mood"), 1)).toBeNull();
    expect(storedValueIssue(template("mood"), 9)).toBeNull();
    expect(storedValueIssue(template("mood"), 0)).toBe("Mood must be a whole number from 1 to 9");
    expect(storedValueIssue(template("mood"), 6.5)).not.toBeNull();
  });

  it("a value type Exist does not list is refused", () => {
    expect(storedValueIssue(custom("odd", "Odd", 9, "misc"), 1)).toBe(
      "Odd has a value type this app can't write",
    );
  });

  it("without a label, messages name the attribute", () => {
    expect(storedValueIssue({ name: "steps", value_type: 0 }, 1.5)).toBe(
      "steps must be a whole number",
    );
  });

  it("increments: amounts above 0 of integers, decimals and durations only", () => {
    expect(storedValueIssue(template("steps"), 700, "increment")).toBeNull();
    expect(storedValueIssue(template("protein"), 12.5, "increment")).toBeNull();
    expect(storedValueIssue(template("sleep"), 20, "increment")).toBeNull();
    expect(storedValueIssue(template("steps"), 0, "increment")).toBe(
      "Steps must be added in an amount above 0",
    );
    expect(storedValueIssue(template("sleep"), 0, "increment")).not.toBeNull();
    for (const name of ["mood", "mood_note", "sleep_end", "sleep_start", "body_fat"]) {
      expect(storedValueIssue(template(name), 1, "increment"), name).toMatch(/can't be added to/);
    }
    expect(storedValueIssue(template("weather_temp_max"), 1, "increment")).toBe(
      "Max temperature can't be added to: save the day's value instead",
    );
    expect(storedValueIssue(custom("tag", "Tag", 7), 1, "increment")).toMatch(/can't be added/);
  });
});
