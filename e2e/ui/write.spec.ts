/**
 * Writing what this app owns from the attributes page: Log <Label> for every value type, in the
 * person's units and on their own day; refusals before anything is sent; Add to total with
 * Exist's new total; a lost answer; an attribute another service took; a new daily tag. Each test
 * asserts what the page shows and what the sandbox (Exist) received or now stores.
 */
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { sandbox } from "../sandbox";
import { attributeRow, attributeSwitch, dialog, liveStatus, sandboxAttribute } from "./helpers";
import {
  dayIn,
  INCREMENT,
  openAs,
  openLog,
  sentTo,
  storedValue,
  UPDATE,
  watchApiCalls,
} from "./write-helpers";

const APP = "exist_ownership";

test.beforeEach(async () => {
  await sandbox.reset();
  await sandbox.clearFaults();
});

type Case = {
  label: string;
  name: string;
  enter: (dialog: Locator) => Promise<void>;
  /** The value as the status announces it, in the person's units. */
  shown: string;
  /** What the sandbox must hold, in Exist's units. */
  stored: number | string;
};

const typed = (field: string, text: string) => (log: Locator) =>
  log.getByLabel(field, { exact: true }).fill(text);
const duration = (hours: string, minutes: string) => async (log: Locator) => {
  await log.getByLabel("Hours", { exact: true }).fill(hours);
  await log.getByLabel("Minutes", { exact: true }).fill(minutes);
};
const yes = (log: Locator) => log.getByRole("radio", { name: "Yes", exact: true }).check();

async function logEach(page: Page, cases: readonly Case[], day: string) {
  for (const c of cases) {
    const log = await openLog(page, c.label);
    await expect(log.getByLabel("Date", { exact: true })).toHaveValue(day);
    await c.enter(log);
    await log.getByRole("button", { name: "Save", exact: true }).click();
    await expect(log).toBeHidden();
    await expect(liveStatus(page)).toHaveText(`Saved ${c.label} for today: ${c.shown}.`);
  }
}

async function expectStored(
  session: Awaited<ReturnType<typeof openAs>>,
  cases: readonly Case[],
  day: string,
) {
  for (const c of cases) {
    const value = await storedValue(session, c.name, day);
    if (typeof c.stored === "number" && !Number.isInteger(c.stored)) {
      expect(value, c.name).toBeCloseTo(c.stored, 4);
    } else expect(value, c.name).toBe(c.stored);
  }
}

test("every value type is logged in imperial units and stored in Exist's metric ones", async ({
  page,
}) => {
  test.slow();
  const owned = ["water", "meditation_min"];
  const others = (await sandbox.state("imperial")).filter((a) => !owned.includes(a.name));
  for (const attribute of others) await sandbox.setOwner("imperial", attribute.name, APP);
  const session = await openAs(page, "imperial");
  await sandbox.clearRequests();
  const today = dayIn("America/Chicago");
  const cases: Case[] = [
    { label: "Steps", name: "steps", enter: typed("Steps", "8500"), shown: "8,500", stored: 8500 },
    {
      label: "Distance",
      name: "steps_distance",
      enter: typed("Distance (mi)", "3.1"),
      shown: "3.1 mi",
      stored: 3.1 * 1.609344,
    },
    {
      label: "Active energy",
      name: "active_energy",
      enter: typed("Active energy (kcal)", "450"),
      shown: "450 kcal",
      stored: 450 * 4.184,
    },
    { label: "Mood", name: "mood", enter: typed("Mood", "7"), shown: "7 / 9", stored: 7 },
    {
      label: "Mood note",
      name: "mood_note",
      enter: typed("Mood note", "Calm day"),
      shown: "Calm day",
      stored: "Calm day",
    },
    {
      label: "Time asleep",
      name: "sleep",
      enter: duration("7", "30"),
      shown: "7 h 30 min",
      stored: 450,
    },
    // Bedtime counts minutes from midday: 22:45 is 645.
    {
      label: "Bedtime",
      name: "sleep_start",
      enter: typed("Bedtime", "22:45"),
      shown: "22:45",
      stored: 645,
    },
    {
      label: "Wake time",
      name: "sleep_end",
      enter: typed("Wake time", "06:50"),
      shown: "06:50",
      stored: 410,
    },
    // Water is whole millilitres: 16 fl oz is 473.18 ml.
    {
      label: "Water",
      name: "water",
      enter: typed("Water (fl oz)", "16"),
      shown: "16 fl oz",
      stored: 473,
    },
    {
      label: "Meditation",
      name: "meditation_min",
      enter: duration("", "20"),
      shown: "20 min",
      stored: 20,
    },
    {
      label: "Weight",
      name: "weight",
      enter: typed("Weight (lb)", "165.5"),
      shown: "165.5 lb",
      stored: 165.5 * 0.45359237,
    },
    {
      label: "Body fat",
      name: "body_fat",
      enter: typed("Body fat (%)", "21.5"),
      shown: "21.5 %",
      stored: 0.215,
    },
    {
      label: "Max temperature",
      name: "weather_temp_max",
      enter: typed("Max temperature (°F)", "68"),
      shown: "68 °F",
      stored: 20,
    },
    {
      label: "Weather summary",
      name: "weather_summary",
      enter: typed("Weather summary", "Sunny spells"),
      shown: "Sunny spells",
      stored: "Sunny spells",
    },
    { label: "Walk", name: "walk", enter: yes, shown: "Yes", stored: 1 },
  ];
  await logEach(page, cases, today);
  await expectStored(session, cases, today);
  // One call per value, each of one object, all taken.
  expect(await sentTo(UPDATE)).toEqual(cases.map(() => ({ status: 200, objects: 1 })));
});

test("a metric account far from UTC: each value lands on the person's own date", async ({
  page,
}) => {
  test.slow();
  await sandbox.setOwner("auckland", "meditation_min", APP);
  const session = await openAs(page, "auckland");
  await sandbox.clearRequests();
  const today = dayIn("Pacific/Auckland");
  const cases: Case[] = [
    {
      label: "Water",
      name: "water",
      enter: typed("Water (ml)", "1250"),
      shown: "1,250 ml",
      stored: 1250,
    },
    { label: "Coffees", name: "coffees", enter: typed("Coffees", "3"), shown: "3", stored: 3 },
    {
      label: "Weight",
      name: "weight",
      enter: typed("Weight (kg)", "72.4"),
      shown: "72.4 kg",
      stored: 72.4,
    },
    { label: "Mood", name: "mood", enter: typed("Mood", "6"), shown: "6 / 9", stored: 6 },
    {
      label: "Mood note",
      name: "mood_note",
      enter: typed("Mood note", "Kia ora"),
      shown: "Kia ora",
      stored: "Kia ora",
    },
    {
      label: "Wake time",
      name: "sleep_end",
      enter: typed("Wake time", "07:15"),
      shown: "07:15",
      stored: 435,
    },
    { label: "Swim", name: "swim", enter: yes, shown: "Yes", stored: 1 },
    {
      label: "Meditation",
      name: "meditation_min",
      enter: duration("0", "45"),
      shown: "45 min",
      stored: 45,
    },
  ];
  await logEach(page, cases, today);
  await expectStored(session, cases, today);
  expect(await sentTo(UPDATE)).toEqual(cases.map(() => ({ status: 200, objects: 1 })));

  // Yesterday: the day before the person's today, with the value Exist already has for it.
  const yesterday = dayIn("Pacific/Auckland", -1);
  const before = await storedValue(session, "coffees", yesterday);
  const log = await openLog(page, "Coffees");
  await log.getByRole("button", { name: "Yesterday" }).click();
  await expect(log.getByLabel("Date", { exact: true })).toHaveValue(yesterday);
  await expect(log).toContainText(
    `Exist has ${String(before)} for yesterday. Saving replaces it; Add to total adds to it.`,
  );
  await log.getByLabel("Coffees", { exact: true }).fill("1");
  await log.getByRole("button", { name: "Save", exact: true }).click();
  await expect(liveStatus(page)).toHaveText("Saved Coffees for yesterday: 1.");
  expect(await storedValue(session, "coffees", yesterday)).toBe(1);
  expect(await storedValue(session, "coffees", today)).toBe(3);
});

test("a future date, a value out of range or of the wrong kind: refused, nothing sent", async ({
  page,
}) => {
  await openAs(page, "auckland");
  const calls = watchApiCalls(page);
  await sandbox.clearRequests();

  const refusals: Array<[label: string, field: string, text: string, why: string]> = [
    ["Weight", "Weight (kg)", "-3", "Weight can't be negative"],
    ["Weight", "Weight (kg)", "heavy", "Enter a number"],
    ["Coffees", "Coffees", "2.5", "Enter a whole number"],
    ["Mood", "Mood", "12", "Choose a whole number from 1 to 9"],
    ["Mood note", "Mood note", "x".repeat(1001), "Mood note is at most 1000 characters"],
  ];
  for (const [label, field, text, why] of refusals) {
    const log = await openLog(page, label);
    await log.getByLabel(field, { exact: true }).fill(text);
    await log.getByRole("button", { name: "Save", exact: true }).click();
    await expect(log.getByRole("alert")).toHaveText(why);
    await expect(log.getByLabel(field, { exact: true })).toBeFocused();
    await log.getByRole("button", { name: "Cancel" }).click();
    await expect(log).toBeHidden();
  }

  const log = await openLog(page, "Water");
  await log.getByLabel("Water (ml)", { exact: true }).fill("0");
  await log.getByRole("button", { name: "Add to total" }).click();
  await expect(log.getByRole("alert")).toHaveText("Enter an amount above 0");
  await log.getByLabel("Water (ml)", { exact: true }).fill("250");
  await log.getByLabel("Date", { exact: true }).fill(dayIn("Pacific/Auckland", 1));
  await log.getByRole("button", { name: "Save", exact: true }).click();
  await expect(log.getByRole("alert")).toHaveText("The date can't be after today");
  await expect(log.getByLabel("Date", { exact: true })).toBeFocused();

  expect(calls.filter((call) => call.startsWith("POST"))).toEqual([]);
  expect(await sentTo(UPDATE)).toEqual([]);
  expect(await sentTo(INCREMENT)).toEqual([]);
});

test("Add to total shows Exist's new total, and the row follows without a reload", async ({
  page,
}) => {
  const session = await openAs(page, "auckland");
  const calls = watchApiCalls(page);
  await sandbox.clearRequests();
  const today = dayIn("Pacific/Auckland");

  let log = await openLog(page, "Water");
  await expect(log).toContainText("Exist has no value for today yet.");
  await log.getByLabel("Water (ml)", { exact: true }).fill("1000");
  await log.getByRole("button", { name: "Save", exact: true }).click();
  await expect(liveStatus(page)).toHaveText("Saved Water for today: 1,000 ml.");

  log = await openLog(page, "Water");
  await expect(log).toContainText(
    "Exist has 1,000 ml for today. Saving replaces it; Add to total adds to it.",
  );
  await log.getByLabel("Water (ml)", { exact: true }).fill("250");
  await log.getByRole("button", { name: "Add to total" }).click();
  await expect(liveStatus(page)).toHaveText(
    "Added 250 ml to Water for today. The total is now 1,250 ml.",
  );
  expect(await storedValue(session, "water", today)).toBe(1250);
  expect(await sentTo(INCREMENT)).toEqual([{ status: 200, objects: 1 }]);

  const row = attributeRow(page, "Water");
  await expect(row).toContainText("1,250 ml");
  await expect(row).toContainText("today");
  await expect(row.getByRole("img", { name: /^Water, last 14 days/ })).toHaveAccessibleName(
    /latest 1,250 ml/,
  );
  expect(calls).toEqual(["POST /api/values/update", "POST /api/values/increment"]);
});

test("a save shows in the row (value, day, sparkline) from the answer, with no list reload", async ({
  page,
}) => {
  await openAs(page, "auckland");
  const row = attributeRow(page, "Weight");
  const sparkline = row.getByRole("img", { name: /^Weight, last 14 days/ });
  await expect(row).toContainText("yesterday");
  const before = await sparkline.getAttribute("aria-label");
  const calls = watchApiCalls(page);

  const log = await openLog(page, "Weight");
  await log.getByLabel("Weight (kg)", { exact: true }).fill("95.5");
  await log.getByRole("button", { name: "Save", exact: true }).click();
  await expect(log).toBeHidden();
  await expect(row).toContainText("95.5 kg");
  await expect(row).toContainText("today");
  await expect(sparkline).toHaveAccessibleName(/high 95\.5 kg, latest 95\.5 kg/);
  expect(await sparkline.getAttribute("aria-label")).not.toBe(before);
  expect(calls).toEqual(["POST /api/values/update"]);
  await expect(logButton(page, "Weight")).toBeFocused();
});

test("a day before the page's 14 days shows the value read from Exist for it", async ({ page }) => {
  const session = await openAs(page, "auckland");
  const calls = watchApiCalls(page);
  const day = dayIn("Pacific/Auckland", -20);
  const seeded = await storedValue(session, "coffees", day);
  const log = await openLog(page, "Coffees");
  await log.getByLabel("Date", { exact: true }).fill(day);
  const shown = new Intl.DateTimeFormat("en-GB", {
    weekday: "short",
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  }).format(new Date(`${day}T00:00:00Z`));
  await expect(log).toContainText(
    seeded === null
      ? `Exist has no value for ${shown} yet.`
      : `Exist has ${String(seeded)} for ${shown}. Saving replaces it`,
  );
  expect(calls).toEqual(["GET /api/values/day"]);
});

test("a dropped increment answer is reported as unknown, with Exist's value; sent once", async ({
  page,
}) => {
  const session = await openAs(page, "auckland");
  await sandbox.clearRequests();
  await sandbox.fault({ path: INCREMENT, drop: true, times: 1 });
  const today = dayIn("Pacific/Auckland");

  const log = await openLog(page, "Coffees");
  await log.getByLabel("Coffees", { exact: true }).fill("2");
  await log.getByRole("button", { name: "Add to total" }).click();
  const alert = log.getByRole("alert");
  await expect(alert).toContainText(
    "Exist's answer was lost, so it is unknown whether 2 was added to Coffees.",
  );
  const now = await storedValue(session, "coffees", today);
  await expect(alert).toContainText(
    now === null ? "Exist has no value for today." : `Exist now has ${String(now)} for today.`,
  );
  await expect(alert).toContainText("Check it before adding again.");
  await expect(log).toBeVisible();
  // Sent once, never again by itself; then the day was read back.
  expect(await sentTo(INCREMENT)).toEqual([{ status: 0, objects: 1 }]);
  expect((await sandbox.requests("/api/2/attributes/values/")).length).toBeGreaterThan(0);
});

test("a write refused because another service took the attribute names it and offers to acquire", async ({
  page,
}) => {
  await openAs(page, "auckland");
  await sandbox.setOwner("auckland", "weight", "withings");
  await sandbox.clearRequests();

  const log = await openLog(page, "Weight");
  await log.getByLabel("Weight (kg)", { exact: true }).fill("72.5");
  await log.getByRole("button", { name: "Save", exact: true }).click();
  await expect(log.getByRole("alert")).toHaveText(
    "Weight is now owned by Withings, so this app can't write it.",
  );
  await log.getByRole("button", { name: "Acquire Weight" }).click();
  const confirm = dialog(page, "Acquire Weight?");
  await expect(confirm).toContainText("Weight is owned by Withings.");
  // Nothing is acquired without the confirmation.
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toBeHidden();
  expect((await sandboxAttribute("auckland", "weight")).service?.name).toBe("withings");
  expect(await sentTo("/api/2/attributes/acquire/")).toEqual([]);
  // The list already shows the owner Exist named, and no Log button.
  await expect(attributeRow(page, "Weight")).toContainText("Owned by Withings");
  await expect(attributeSwitch(page, "Weight")).not.toBeChecked();
  await expect(logButton(page, "Weight")).toHaveCount(0);

  await attributeSwitch(page, "Weight").click();
  await dialog(page, "Acquire Weight?")
    .getByRole("button", { name: "Acquire", exact: true })
    .click();
  await expect(attributeSwitch(page, "Weight")).toBeChecked();
  expect((await sandboxAttribute("auckland", "weight")).service?.name).toBe(APP);
  await expect(logButton(page, "Weight")).toBeVisible();
});

test("a new daily tag is created with Exist's name for it and can be logged at once", async ({
  page,
}) => {
  const session = await openAs(page, "auckland");
  const calls = watchApiCalls(page);
  await page.getByRole("button", { name: "New tag" }).click();
  const create = page.getByRole("dialog", { name: "New daily tag" });
  await expect(create).toContainText("Exist offers no way to delete an attribute");
  await create.getByRole("button", { name: "Create tag" }).click();
  await expect(create.getByRole("alert")).toHaveText("Enter a name for the tag");
  await create.getByLabel("Tag name").fill("Swim");
  await create.getByRole("button", { name: "Create tag" }).click();
  await expect(create.getByRole("alert")).toContainText("Exist did not create the tag:");

  await create.getByLabel("Tag name").fill("Read fiction");
  await create.getByRole("button", { name: "Create tag" }).click();
  await expect(create).toBeHidden();
  await expect(liveStatus(page)).toContainText("Created the daily tag Read fiction");

  const tags = page.getByRole("region", { name: "Daily tags" });
  await expect(tags.getByRole("switch", { name: "Read fiction" })).toBeChecked();
  const made = await sandboxAttribute("auckland", "read_fiction");
  expect(made.service?.name).toBe(APP);
  await expect(tags.getByRole("link", { name: "Read fiction history" })).toHaveAttribute(
    "href",
    "/history?attribute=read_fiction",
  );

  const log = await openLog(page, "Read fiction");
  await yes(log);
  await log.getByRole("button", { name: "Save", exact: true }).click();
  await expect(liveStatus(page)).toHaveText("Saved Read fiction for today: Yes.");
  expect(await storedValue(session, "read_fiction", dayIn("Pacific/Auckland"))).toBe(1);
  expect(calls).toEqual([
    "POST /api/attributes/create",
    "POST /api/attributes/create",
    "POST /api/values/update",
  ]);
});

function logButton(page: Page, label: string): Locator {
  return page.getByRole("button", { name: `Log ${label}`, exact: true });
}
