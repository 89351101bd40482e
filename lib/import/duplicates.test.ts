import { describe, expect, it } from "vitest";
import { custom, template } from "@/lib/values/test-fixtures";
import {
  combineDuplicates,
  defaultDuplicateRule,
  duplicateRuleLabel,
  duplicateRulesFor,
  type DuplicateRule,
} from "./duplicates";

const heartrate = { name: "heartrate", template: "heartrate", label: "Heart rate", value_type: 0 };

describe("several rows for one attribute and day", () => {
  it("default to a rule that suits what the attribute measures", () => {
    const cases: Array<[ReturnType<typeof template> | typeof heartrate, DuplicateRule]> = [
      [template("steps"), "sum"],
      [template("water"), "sum"],
      [template("steps_distance"), "sum"],
      [template("money_spent"), "sum"],
      [template("sleep"), "sum"],
      [template("weight"), "mean"],
      [heartrate, "mean"],
      [template("body_fat"), "mean"],
      [template("weather_temp_max"), "max"],
      [template("menstrual_flow"), "max"],
      [template("stand_hours"), "max"],
      [template("mood"), "last"],
      [template("mood_note"), "last"],
      [template("sleep_start"), "last"],
      [template("sleep_end"), "last"],
      [custom("meditated", "Meditated", 7), "max"],
      [custom("coffees_at_work", "Coffees at work", 0, "food_and_drink"), "sum"],
      [custom("reading_score", "Reading score", 1, "media"), "last"],
    ];
    for (const [attribute, rule] of cases) {
      expect(defaultDuplicateRule(attribute), attribute.name).toBe(rule);
    }
  });

  it("offer only the rules that mean something for the value type", () => {
    expect(duplicateRulesFor(template("steps"))).toEqual(["last", "first", "sum", "max", "mean"]);
    expect(duplicateRulesFor(template("mood_note"))).toEqual(["last", "first"]);
    expect(duplicateRulesFor(template("sleep_start"))).toEqual(["last", "first"]);
    expect(duplicateRulesFor(custom("tag", "Tag", 7))).toEqual(["max", "last", "first"]);
  });

  it("say what they keep in time, never in rows, and a yes/no's highest as a yes", () => {
    const steps = template("steps");
    const tag = custom("tag", "Tag", 7);
    expect(duplicateRulesFor(steps).map((rule) => duplicateRuleLabel(rule, steps))).toEqual([
      "Keep the day’s latest",
      "Keep the day’s earliest",
      "Add them up",
      "Keep the highest",
      "Take the average",
    ]);
    expect(duplicateRulesFor(tag).map((rule) => duplicateRuleLabel(rule, tag))).toEqual([
      "Yes if any row says yes",
      "Keep the day’s latest",
      "Keep the day’s earliest",
    ]);
  });

  it("combine earliest first", () => {
    const steps = template("steps");
    expect(combineDuplicates([4000, 3000, 500], "sum", steps)).toBe(7500);
    expect(combineDuplicates([4000, 3000, 500], "first", steps)).toBe(4000);
    expect(combineDuplicates([4000, 3000, 500], "last", steps)).toBe(500);
    expect(combineDuplicates([4000, 3000, 500], "max", steps)).toBe(4000);
    expect(combineDuplicates([4000, 3001], "mean", steps)).toBe(3501);
    expect(combineDuplicates([72.1, 72.2], "mean", template("weight"))).toBe(72.15);
    expect(combineDuplicates([0.1, 0.2], "sum", template("weight"))).toBe(0.3);
    expect(combineDuplicates([0.242, 0.2432], "mean", template("body_fat"))).toBe(0.2426);
    expect(combineDuplicates([0, 1, 0], "max", custom("tag", "Tag", 7))).toBe(1);
    expect(combineDuplicates([7, 4], "mean", template("mood"))).toBe(6);
    expect(combineDuplicates([42], "sum", steps)).toBe(42);
  });

  it("keep the last text whatever the rule, texts not being numbers", () => {
    expect(combineDuplicates(["a", "b"], "sum", template("mood_note"))).toBe("b");
  });
});
