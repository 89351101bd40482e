import { describe, expect, it } from "vitest";
import type { Units } from "@/lib/api/contract";
import { formatValue } from "@/lib/attributes/format";
import { makeAttribute } from "@/lib/attributes/test-fixtures";
import { valueField, type FieldOfKind, type FieldKind, type NumberField } from "./field";
import { storedValueIssue } from "./stored";
import { custom, IMPERIAL, METRIC, template } from "./test-fixtures";

function field<K extends FieldKind>(
  attribute: ReturnType<typeof template>,
  units: Units,
  kind: K,
): FieldOfKind<K> {
  const made = valueField(attribute, units);
  expect(made?.kind).toBe(kind);
  return made as FieldOfKind<K>;
}

const number = (name: string, units: Units = METRIC) => {
  const made = valueField(template(name), units);
  if (!made || !["number", "decimal"].includes(made.kind))
    throw new Error(`${name}: ${made?.kind}`);
  return made as NumberField;
};

const refused = (error: string, part?: "hours" | "minutes") =>
  part ? { ok: false, error, part } : { ok: false, error };

describe("the field for each value type", () => {
  it("picks the kind of input, its label and the unit in the person's units", () => {
    const cases: Array<[string, Units, string, string, string | null]> = [
      ["steps", METRIC, "number", "Steps", null],
      ["water", METRIC, "number", "Water (ml)", "ml"],
      ["water", IMPERIAL, "decimal", "Water (fl oz)", "fl oz"],
      ["weight", METRIC, "decimal", "Weight (kg)", "kg"],
      ["weight", IMPERIAL, "decimal", "Weight (lb)", "lb"],
      ["steps_distance", IMPERIAL, "decimal", "Distance (mi)", "mi"],
      ["steps_elevation", IMPERIAL, "number", "Elevation (ft)", "ft"],
      ["energy", METRIC, "number", "Energy consumed (kJ)", "kJ"],
      ["energy", IMPERIAL, "number", "Energy consumed (kcal)", "kcal"],
      ["weather_temp_max", IMPERIAL, "decimal", "Max temperature (°F)", "°F"],
      ["money_spent", METRIC, "decimal", "Money spent", null],
      ["mood_note", METRIC, "text", "Mood note", null],
      ["sleep", METRIC, "duration", "Time asleep", null],
      ["sleep_end", METRIC, "time", "Wake time", null],
      ["sleep_start", METRIC, "time", "Bedtime", null],
      ["body_fat", METRIC, "percent", "Body fat (%)", "%"],
      ["mood", METRIC, "scale", "Mood", null],
    ];
    for (const [name, units, kind, label, unit] of cases) {
      const made = valueField(template(name), units);
      expect({ kind: made?.kind, label: made?.label, unit: made?.unit }, name).toEqual({
        kind,
        label,
        unit,
      });
    }
    const tag = field(custom("meditated", "Meditated", 7), METRIC, "boolean");
    expect(tag).toMatchObject({ label: "Meditated", unit: null, isTag: true });
    expect(field(custom("went_out", "Went out", 7, "social"), METRIC, "boolean").isTag).toBe(false);
  });

  it("takes the attributes list's own rows, reading the unit from the template", () => {
    const row = makeAttribute({
      name: "weight_2",
      template: "weight",
      label: "Weight",
      value_type: 1,
    });
    expect(valueField(row, IMPERIAL)?.label).toBe("Weight (lb)");
  });

  it("has no field for a value type Exist does not list", () => {
    expect(valueField(custom("odd", "Odd", 9, "misc"), METRIC)).toBeNull();
  });

  it("gives input constraints in the person's units", () => {
    expect(number("steps").constraints).toEqual({ min: 0, max: undefined, step: 1 });
    expect(number("weight", IMPERIAL).constraints).toEqual({ min: 0, max: undefined, step: 0.1 });
    expect(number("steps_distance").constraints.step).toBe(0.01);
    expect(number("weather_temp_max").constraints.min).toBeUndefined();
    expect(number("menstrual_flow").constraints).toEqual({ min: 0, max: 4, step: 1 });
    expect(field(template("body_fat"), METRIC, "percent").constraints).toEqual({
      min: 0,
      max: 100,
      step: 0.01,
    });
    expect(field(template("mood"), METRIC, "scale").constraints).toEqual({
      min: 1,
      max: 9,
      step: 1,
    });
    expect(field(template("sleep"), METRIC, "duration").constraints).toEqual({
      hours: { min: 0, max: 24, step: 1 },
      minutes: { min: 0, max: 59, step: 1 },
      maxMinutes: 1440,
    });
    expect(field(template("mood_note"), METRIC, "text").constraints).toEqual({ maxLength: 1000 });
  });

  it("allows Add to total for integers, decimals and durations only", () => {
    const can = (attribute: ReturnType<typeof template>) =>
      valueField(attribute, METRIC)?.canIncrement;
    expect(can(template("steps"))).toBe(true);
    expect(can(template("water"))).toBe(true);
    expect(can(template("weight"))).toBe(true);
    expect(can(template("sleep"))).toBe(true);
    for (const name of ["mood_note", "sleep_end", "sleep_start", "body_fat", "mood"]) {
      expect(can(template(name)), name).toBe(false);
    }
    expect(can(custom("tag", "Tag", 7))).toBe(false);
    // A code, and a temperature (a difference in °F is not a value in °F), are not amounts.
    expect(can(template("menstrual_flow"))).toBe(false);
    expect(can(template("weather_temp_max"))).toBe(false);
  });
});

describe("integers", () => {
  it("take whole numbers of 0 or more", () => {
    const steps = number("steps");
    expect(steps.toStored("8012")).toEqual({ ok: true, value: 8012 });
    expect(steps.toStored(" 0 ")).toEqual({ ok: true, value: 0 });
    expect(steps.toStored("12.5")).toEqual(refused("Enter a whole number"));
    expect(steps.toStored("")).toEqual(refused("Enter a whole number"));
    expect(steps.toStored("abc")).toEqual(refused("Enter a whole number"));
    expect(steps.toStored("1e4")).toEqual(refused("Enter a whole number"));
    expect(steps.toStored("12,345")).toEqual(
      refused("Use a point for decimals, and no thousands separators"),
    );
    expect(steps.toStored("-5")).toEqual(refused("Steps can't be negative"));
    expect(steps.toStored("3000000000")).toEqual(refused("That number is too large"));
    expect(steps.fromStored(8012)).toBe("8012");
    expect(steps.fromStored("n/a")).toBe("");
  });

  it("refuse what a template's range leaves out, never clamping it", () => {
    expect(number("menstrual_flow").toStored("3")).toEqual({ ok: true, value: 3 });
    expect(number("menstrual_flow").toStored("5")).toEqual(
      refused("Menstrual flow is 0 (none) to 4 (heavy)"),
    );
    expect(number("stand_hours").toStored("25")).toEqual(refused("Stand hours must be 0–24"));
  });

  it("add amounts above 0", () => {
    const steps = number("steps");
    expect(steps.toStored("700", "increment")).toEqual({ ok: true, value: 700 });
    expect(steps.toStored("0", "increment")).toEqual(refused("Enter an amount above 0"));
    expect(steps.toStored("-10", "increment")).toEqual(refused("Enter an amount above 0"));
  });

  it("water in fl oz is stored as whole ml and reads back as entered", () => {
    const water = number("water", IMPERIAL);
    expect(water.toStored("8")).toEqual({ ok: true, value: 237 });
    expect(water.toStored("8.5")).toEqual({ ok: true, value: 251 });
    expect(water.toStored("8.55")).toEqual(refused("Enter at most 1 decimal place"));
    expect(water.fromStored(237)).toBe("8");
    expect(number("water").toStored("250.5")).toEqual(refused("Enter a whole number"));
  });
});

describe("decimals", () => {
  it("weight in lb is stored in kg; 165.5 lb reads back as 165.5 lb", () => {
    const weight = number("weight", IMPERIAL);
    const stored = weight.toStored("165.5");
    expect(stored).toEqual({ ok: true, value: 75.069537 });
    expect(weight.fromStored(75.069537)).toBe("165.5");
    expect(formatValue(75.069537, 1, "weight", IMPERIAL)).toBe("165.5 lb");
    expect(weight.toStored("165.55")).toEqual(refused("Enter at most 1 decimal place"));
    expect(weight.toStored("-1")).toEqual(refused("Weight can't be negative"));
    expect(number("weight").toStored("72.5")).toEqual({ ok: true, value: 72.5 });
  });

  it("distances in mi are stored in km; elevation in ft in km", () => {
    expect(number("steps_distance", IMPERIAL).toStored("5")).toEqual({
      ok: true,
      value: 8.04672,
    });
    expect(number("steps_distance").toStored("8.05")).toEqual({ ok: true, value: 8.05 });
    expect(number("steps_elevation").toStored("120")).toEqual({ ok: true, value: 0.12 });
    expect(number("steps_elevation", IMPERIAL).toStored("394")).toEqual({
      ok: true,
      value: 0.120091,
    });
    expect(number("steps_elevation").toStored("120.5")).toEqual(refused("Enter a whole number"));
  });

  it("temperatures in °F are stored in °C and may be below 0", () => {
    const temperature = number("weather_temp_max", IMPERIAL);
    expect(temperature.toStored("212")).toEqual({ ok: true, value: 100 });
    expect(temperature.toStored("-40")).toEqual({ ok: true, value: -40 });
    expect(temperature.toStored("70.7")).toEqual({ ok: true, value: 21.5 });
    expect(temperature.fromStored(21.5)).toBe("70.7");
    expect(temperature.toStored("10", "increment")).toEqual(
      refused("Max temperature can't be added to: save the day's value instead"),
    );
  });

  it("energy in kcal is stored in kJ", () => {
    expect(number("energy", IMPERIAL).toStored("2000")).toEqual({ ok: true, value: 8368 });
    expect(number("energy", IMPERIAL).fromStored(8368)).toBe("2000");
    expect(number("energy").toStored("8368")).toEqual({ ok: true, value: 8368 });
  });

  it("plain decimals keep two places; money may be negative (a refund)", () => {
    expect(number("money_spent").toStored("12.99")).toEqual({ ok: true, value: 12.99 });
    expect(number("money_spent").toStored("-5.5")).toEqual({ ok: true, value: -5.5 });
    expect(number("money_spent").toStored("1.999")).toEqual(
      refused("Enter at most 2 decimal places"),
    );
    const decimal = valueField(custom("hydration", "Hydration", 1, "health"), METRIC);
    expect(decimal?.toStored("1234.56" as never)).toEqual({ ok: true, value: 1234.56 });
    expect(decimal?.toStored("-1.5" as never)).toEqual({ ok: true, value: -1.5 });
    expect(number("protein").toStored("12.5", "increment")).toEqual({ ok: true, value: 12.5 });
  });
});

/** Every value a person may type, from `from` to `to` by the field's step. */
function typed(from: number, to: number, decimals: number): string[] {
  const factor = 10 ** decimals;
  const values: string[] = [];
  for (let n = Math.round(from * factor); n <= Math.round(to * factor); n += 1) {
    values.push(String(n / factor));
  }
  return values;
}

describe("what a person enters reads back the same, in the field and in the row", () => {
  const cases: Array<[string, Units, number, number, number]> = [
    ["weight", IMPERIAL, 0, 500, 1],
    ["weight", METRIC, 0, 250, 1],
    ["steps_distance", IMPERIAL, 0, 60, 2],
    ["steps_elevation", IMPERIAL, 0, 5000, 0],
    ["weather_temp_max", IMPERIAL, -60, 130, 1],
    ["energy", IMPERIAL, 0, 6000, 0],
    ["water", IMPERIAL, 0, 300, 1],
    ["money_spent", METRIC, -50, 50, 2],
  ];
  for (const [name, units, from, to, decimals] of cases) {
    it(`${name} (${units.weight ? "imperial" : "metric"}), ${from} to ${to}`, () => {
      const made = number(name, units);
      const attribute = template(name);
      const failures: string[] = [];
      const expected = new Intl.NumberFormat("en-GB", { maximumFractionDigits: decimals });
      for (const text of typed(from, to, decimals)) {
        const stored = made.toStored(text);
        if (!stored.ok) {
          failures.push(`${text}: ${stored.error}`);
          continue;
        }
        const back = made.fromStored(stored.value);
        const row = formatValue(stored.value, attribute.value_type, name, units);
        const rowNumber = row.replace(/ .*$/, "");
        if (back !== text || rowNumber !== expected.format(Number(text))) {
          failures.push(`${text} → ${stored.value} → ${back} / ${row}`);
        }
        if (storedValueIssue(attribute, stored.value)) failures.push(`${text}: server refuses`);
      }
      expect(failures).toEqual([]);
    });
  }

  it("percentages with two decimals, 0 to 100", () => {
    const fat = field(template("body_fat"), METRIC, "percent");
    const failures = typed(0, 100, 2).filter((text) => {
      const stored = fat.toStored(text);
      return (
        !stored.ok ||
        fat.fromStored(stored.value) !== text ||
        storedValueIssue(template("body_fat"), stored.value) !== null
      );
    });
    expect(failures).toEqual([]);
  });
});

describe("percentages", () => {
  it("are entered 0–100 and stored 0–1", () => {
    const fat = field(template("body_fat"), METRIC, "percent");
    expect(fat.toStored("24.22")).toEqual({ ok: true, value: 0.2422 });
    expect(fat.toStored("100")).toEqual({ ok: true, value: 1 });
    expect(fat.toStored("0")).toEqual({ ok: true, value: 0 });
    expect(fat.fromStored(0.2422)).toBe("24.22");
    expect(formatValue(0.2422, 5, "body_fat", METRIC)).toBe("24.22 %");
    expect(fat.toStored("100.5")).toEqual(refused("Percent must be between 0 and 100"));
    expect(fat.toStored("-1")).toEqual(refused("Percent must be between 0 and 100"));
    expect(fat.toStored("24.225")).toEqual(refused("Enter at most 2 decimal places"));
    expect(fat.toStored("")).toEqual(refused("Enter a number"));
    expect(fat.toStored("5", "increment")).toEqual(
      refused("Body fat can't be added to: save the day's value instead"),
    );
  });
});

describe("scales", () => {
  it("are whole steps 1 to 9", () => {
    const mood = field(template("mood"), METRIC, "scale");
    for (let step = 1; step <= 9; step += 1) {
      expect(mood.toStored(String(step))).toEqual({ ok: true, value: step });
      expect(mood.fromStored(step)).toBe(String(step));
    }
    expect(mood.toStored("0")).toEqual(refused("Choose a whole number from 1 to 9"));
    expect(mood.toStored("10")).toEqual(refused("Choose a whole number from 1 to 9"));
    expect(mood.toStored("6.5")).toEqual(refused("Enter a whole number"));
    expect(mood.toStored("1", "increment")).toEqual(
      refused("Mood can't be added to: save the day's value instead"),
    );
  });
});

describe("durations", () => {
  const sleep = field(template("sleep"), METRIC, "duration");

  it("are hours and minutes, stored as whole minutes", () => {
    expect(sleep.toStored({ hours: "7", minutes: "32" })).toEqual({ ok: true, value: 452 });
    expect(sleep.toStored({ hours: "", minutes: "45" })).toEqual({ ok: true, value: 45 });
    expect(sleep.toStored({ hours: "2", minutes: "" })).toEqual({ ok: true, value: 120 });
    expect(sleep.toStored({ hours: "0", minutes: "0" })).toEqual({ ok: true, value: 0 });
    expect(sleep.toStored({ hours: "24", minutes: "0" })).toEqual({ ok: true, value: 1440 });
    expect(sleep.fromStored(452)).toEqual({ hours: "7", minutes: "32" });
    expect(sleep.fromStored("x")).toEqual({ hours: "", minutes: "" });
  });

  it("refuse, naming the input at fault", () => {
    expect(sleep.toStored({ hours: "", minutes: "" })).toEqual(
      refused("Enter hours, minutes or both", "hours"),
    );
    expect(sleep.toStored({ hours: "7", minutes: "60" })).toEqual(
      refused("Minutes must be 0–59", "minutes"),
    );
    expect(sleep.toStored({ hours: "7", minutes: "-1" })).toEqual(
      refused("Minutes must be 0–59", "minutes"),
    );
    expect(sleep.toStored({ hours: "7", minutes: "30.5" })).toEqual(
      refused("Minutes must be 0–59", "minutes"),
    );
    expect(sleep.toStored({ hours: "7.5", minutes: "" })).toEqual(
      refused("Hours must be a whole number", "hours"),
    );
    expect(sleep.toStored({ hours: "24", minutes: "1" })).toEqual(
      refused("A day has at most 24 hours", "hours"),
    );
  });

  it("add amounts above 0", () => {
    expect(sleep.toStored({ hours: "0", minutes: "20" }, "increment")).toEqual({
      ok: true,
      value: 20,
    });
    expect(sleep.toStored({ hours: "0", minutes: "0" }, "increment")).toEqual(
      refused("Enter a duration above 0", "hours"),
    );
  });

  it("every duration of a day goes there and back", () => {
    for (let minutes = 0; minutes <= 1440; minutes += 1) {
      expect(sleep.toStored(sleep.fromStored(minutes))).toEqual({ ok: true, value: minutes });
    }
  });
});

describe("times of day", () => {
  const wake = field(template("sleep_end"), METRIC, "time");
  const bedtime = field(template("sleep_start"), METRIC, "time");

  it("type 4 (wake time) is minutes from midnight", () => {
    expect(wake.toStored("07:30")).toEqual({ ok: true, value: 450 });
    expect(wake.toStored("00:00")).toEqual({ ok: true, value: 0 });
    expect(wake.toStored("23:59")).toEqual({ ok: true, value: 1439 });
    expect(wake.fromStored(450)).toBe("07:30");
  });

  it("type 6 (bedtime) is minutes from midday, wrapping past midnight", () => {
    expect(bedtime.toStored("22:00")).toEqual({ ok: true, value: 600 });
    expect(bedtime.toStored("12:00")).toEqual({ ok: true, value: 0 });
    expect(bedtime.toStored("00:00")).toEqual({ ok: true, value: 720 });
    expect(bedtime.toStored("01:30")).toEqual({ ok: true, value: 810 });
    expect(bedtime.toStored("11:59")).toEqual({ ok: true, value: 1439 });
    expect(bedtime.fromStored(810)).toBe("01:30");
    expect(formatValue(810, 6, "sleep_start", METRIC)).toBe("01:30");
  });

  it("refuse what is not a time", () => {
    expect(wake.toStored("24:00")).toEqual(refused("Hours must be 0–23"));
    expect(wake.toStored("07:60")).toEqual(refused("Minutes must be 0–59"));
    expect(wake.toStored("7.30")).toEqual(refused("Enter a time as HH:MM"));
    expect(wake.toStored("")).toEqual(refused("Enter a time as HH:MM"));
    expect(wake.toStored("07:30", "increment")).toEqual(
      refused("Wake time can't be added to: save the day's value instead"),
    );
  });
});

describe("booleans and daily tags", () => {
  const tag = field(custom("meditated", "Meditated", 7), METRIC, "boolean");

  it("are Yes or No, stored 1 or 0", () => {
    expect(tag.toStored(true)).toEqual({ ok: true, value: 1 });
    expect(tag.toStored(false)).toEqual({ ok: true, value: 0 });
    expect(tag.toStored(null)).toEqual(refused("Choose Yes or No"));
    expect(tag.fromStored(1)).toBe(true);
    expect(tag.fromStored(0)).toBe(false);
    expect(tag.fromStored("?")).toBeNull();
    expect(tag.toStored(true, "increment")).toEqual(
      refused("Meditated can't be added to: save the day's value instead"),
    );
  });
});

describe("text", () => {
  const note = field(template("mood_note"), METRIC, "text");

  it("is stored as entered, up to 1000 characters", () => {
    expect(note.toStored("Slept well")).toEqual({ ok: true, value: "Slept well" });
    expect(note.toStored(" two\nlines ")).toEqual({ ok: true, value: " two\nlines " });
    expect(note.toStored("a".repeat(1000))).toEqual({ ok: true, value: "a".repeat(1000) });
    expect(note.toStored("a".repeat(1001))).toEqual(
      refused("Mood note is at most 1000 characters"),
    );
    expect(note.toStored("   ")).toEqual(refused("Mood note can't be empty"));
    expect(note.fromStored("Slept well")).toBe("Slept well");
    expect(note.hint).toBeNull();
  });

  it("counts an emoji as one character, as Exist does", () => {
    expect(note.toStored("🙂".repeat(1000)).ok).toBe(true);
    expect(note.toStored("🙂".repeat(1001)).ok).toBe(false);
  });

  it("a location is lat,lng", () => {
    const location = field(template("location"), METRIC, "text");
    expect(location.hint).toBe("lat,lng, e.g. 51.5072,-0.1276");
    expect(location.toStored("51.5072,-0.1276")).toEqual({ ok: true, value: "51.5072,-0.1276" });
    expect(location.toStored("London")).toEqual(
      refused("Enter Location as lat,lng, e.g. 51.5072,-0.1276"),
    );
    expect(location.toStored("91,0").ok).toBe(false);
    expect(location.toStored("0,181").ok).toBe(false);
  });
});
