/**
 * The sandbox's seeded accounts. Deterministic: no randomness and no clock, so every reset
 * rebuilds exactly the same data.
 */
import type { AttributeRecord } from "./attributes";
import { TEMPLATES } from "./catalogue";
import { demoAttributes } from "./seed-demo";
import { customTag, templated } from "./seed-helpers";
import { KNOWN_SERVICES } from "./services";

export type Profile = {
  username: string;
  first_name: string;
  last_name: string;
  timezone: string;
  imperial_distance: boolean;
  imperial_weight: boolean;
  imperial_energy: boolean;
  imperial_liquid: boolean;
  imperial_temperature: boolean;
  trial: boolean;
  delinquent: boolean;
};

export type Account = {
  profile: Profile;
  attributes: Map<string, AttributeRecord>;
  /** Values written with `update/` and `increment/`, keyed `name/date`. */
  values: Map<string, unknown>;
  /**
   * How `with-values/` lists days without data: left out, as live Exist answers ("live"), or
   * present with `null`, as the docs say ("docs").
   */
  valuesShape: "live" | "docs";
};

const metric = {
  imperial_distance: false,
  imperial_weight: false,
  imperial_energy: false,
  imperial_liquid: false,
  imperial_temperature: false,
  trial: false,
  delinquent: false,
};

/** Every template, owners rotating through the real services, every 7th inactive. */
function heavyAttributes(): AttributeRecord[] {
  const owners = KNOWN_SERVICES.map((service) => service.name);
  const templatedOnes = TEMPLATES.map((template, index) => {
    const owner = index % 7 === 3 ? null : (owners[index % owners.length] ?? null);
    const second = owners[(index + 5) % owners.length];
    const available = owner && second ? [owner, second] : [];
    return templated(template.name, owner, available);
  });
  const tagCount = 600 - templatedOnes.length;
  const tags = Array.from({ length: tagCount }, (_, index) => {
    const number = String(index + 1).padStart(3, "0");
    const owner = index % 11 === 0 ? null : index % 2 === 0 ? "exist_ios" : "exist_android";
    // Every 13th tag stopped getting data some days ago.
    const stalled = index % 13 === 5 ? { stalledDays: 3 + (index % 20) } : {};
    return customTag(`tag_${number}`, `Tag ${number}`, owner, stalled);
  });
  return [...templatedOnes, ...tags];
}

function newAttributes(): AttributeRecord[] {
  return [
    templated("steps", "exist_android"),
    templated("mood", "exist_ios", ["exist_ios"], { manual: true }),
    templated("mood_note", "exist_ios", ["exist_ios"], { manual: true }),
    templated("sleep", null),
  ];
}

const imperial = {
  imperial_distance: true,
  imperial_weight: true,
  imperial_energy: true,
  imperial_liquid: true,
  imperial_temperature: true,
};

/** Every value type, imperial units, and two attributes this app owns with no data since. */
function imperialAttributes(): AttributeRecord[] {
  return [
    templated("steps", "apple_health", ["apple_health", "fitbit"]),
    templated("steps_distance", "apple_health", ["apple_health", "googlefit"]),
    templated("active_energy", "apple_health", ["apple_health"], { stalledDays: 4 }),
    templated("mood", "exist_ios", ["exist_ios"], { manual: true }),
    templated("mood_note", "exist_ios", ["exist_ios"], { manual: true }),
    templated("sleep", "fitbit", ["fitbit", "apple_health"]),
    templated("sleep_start", "fitbit"),
    templated("sleep_end", "fitbit"),
    templated("water", "exist_ownership", ["exist_ownership", "apple_health"], { stalledDays: 6 }),
    templated("meditation_min", "exist_ownership", ["exist_ownership"], { stalledDays: 12 }),
    templated("weight", "withings", ["withings", "fitbit"]),
    templated("body_fat", "withings"),
    templated("weather_temp_max", "exist"),
    templated("weather_summary", "exist"),
    customTag("walk", "Walk", "exist_ios"),
  ];
}

/**
 * A person in Pacific/Auckland (UTC+12/+13), far from the server's UTC, so tests can tell the
 * person's day from the server's. Seven attributes this app owns, one of each kind it can write
 * (integer, float, string, scale, time of day, boolean tag), with seeded values up to yesterday
 * and none today; five it can acquire (owned by others, or inactive).
 */
function aucklandAttributes(): AttributeRecord[] {
  const ours = "exist_ownership";
  const untilYesterday = { stalledDays: 1 };
  return [
    templated("water", ours, [ours, "apple_health"], untilYesterday),
    templated("coffees", ours, [ours], untilYesterday),
    templated("weight", ours, [ours, "withings"], untilYesterday),
    templated("mood", ours, [ours, "exist_ios"], { manual: true, ...untilYesterday }),
    templated("mood_note", ours, [ours, "exist_ios"], { manual: true, ...untilYesterday }),
    templated("sleep_end", ours, [ours, "fitbit"], untilYesterday),
    customTag("swim", "Swim", ours, untilYesterday),
    templated("steps", "apple_health", ["apple_health", "fitbit"]),
    templated("sleep", "fitbit", ["fitbit"]),
    templated("energy_level", "exist_ios", ["exist_ios"], { manual: true }),
    templated("meditation_min", null),
    customTag("beach", "Beach", "exist_ios"),
  ];
}

function account(
  profile: Omit<Profile, keyof typeof metric>,
  attributes: AttributeRecord[],
  valuesShape: Account["valuesShape"] = "live",
): Account {
  return {
    values: new Map(),
    valuesShape,
    profile: { ...profile, ...metric },
    attributes: new Map(attributes.map((attribute) => [attribute.name, attribute])),
  };
}

/** A fresh copy of every seeded account, keyed by username. */
export function seedAccounts(): Map<string, Account> {
  const demo = account(
    { username: "demo", first_name: "Demo", last_name: "User", timezone: "Europe/London" },
    demoAttributes(),
  );
  const heavy = account(
    {
      username: "heavy",
      first_name: "Heavy",
      last_name: "Tracker",
      timezone: "Australia/Melbourne",
    },
    heavyAttributes(),
  );
  const fresh = account(
    { username: "new", first_name: "New", last_name: "Member", timezone: "America/New_York" },
    newAttributes(),
  );
  fresh.profile.trial = true;
  // Answers with-values/ as the docs describe (every day, null where empty), in imperial units.
  const imperialAccount = account(
    {
      username: "imperial",
      first_name: "Imperial",
      last_name: "Walker",
      timezone: "America/Chicago",
    },
    imperialAttributes(),
    "docs",
  );
  imperialAccount.profile = { ...imperialAccount.profile, ...imperial };
  const auckland = account(
    { username: "auckland", first_name: "Aroha", last_name: "Tane", timezone: "Pacific/Auckland" },
    aucklandAttributes(),
  );
  return new Map([
    ["demo", demo],
    ["heavy", heavy],
    ["new", fresh],
    ["imperial", imperialAccount],
    ["auckland", auckland],
  ]);
}
