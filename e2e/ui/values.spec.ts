/**
 * What each owner does to the data: recent values, stalled attributes, who else can supply an
 * attribute, the Owners summary, filters in the URL, and Exist's own page for changing owners.
 */
import type { Page } from "@playwright/test";
import { expect, test, type Sandbox } from "../fixtures";
import { sealSession, type SealedSession } from "../session";
import { addDays, localDate } from "../../sandbox/values";
import { attributeRow, attributeSwitch, dialog, refocus } from "./helpers";
import { openAs } from "./write-helpers";

/** The seeded accounts' time zones (sandbox/seed.ts): Exist's days are local to the person. */
const TIMEZONES: Record<string, string> = { demo: "Europe/London", imperial: "America/Chicago" };

/**
 * Makes `values` the latest value of each attribute, as Exist (the sandbox) stores them (metric),
 * so the rows can be checked against text written out here. Exist's `update/` takes values only
 * for attributes the client owns: each is made this app's for the write, then given back to its
 * owner. Written for today and tomorrow in the account's time zone, so a test that runs across
 * midnight there still finds it as the latest value, "today".
 */
async function writeLatest(
  sandbox: Sandbox,
  session: SealedSession,
  values: Record<string, number | string>,
) {
  const account = session.token.username;
  const owners = new Map(
    (await sandbox.state(account)).map((attribute) => [attribute.name, attribute.service]),
  );
  const names = Object.keys(values);
  for (const name of names) await sandbox.setOwner(account, name, "exist_ownership");
  const today = localDate(TIMEZONES[account] ?? "UTC", Date.now());
  const response = await fetch(`${sandbox.url}/api/2/attributes/update/`, {
    method: "POST",
    headers: {
      Authorization: `Bearer ${session.tokens.access_token}`,
      "Content-Type": "application/json",
    },
    body: JSON.stringify(
      names.flatMap((name) =>
        [today, addDays(today, 1)].map((date) => ({ name, date, value: values[name] })),
      ),
    ),
  });
  expect(await response.json()).toMatchObject({ failed: [] });
  for (const name of names) {
    await sandbox.setOwner(account, name, owners.get(name)?.name ?? null);
  }
}

/** Row label → the text its latest value reads as, then "today". */
async function expectLatest(page: Page, expected: Record<string, string>) {
  for (const [label, text] of Object.entries(expected)) {
    await expect(attributeRow(page, label), label).toContainText(`${text} today`);
  }
}

test("each value type reads as a person reads it, in the imperial units the profile asks for", async ({
  page,
  sandbox,
}) => {
  const session = await sealSession("imperial");
  // One attribute or more per value type (0 to 8), in Exist's metric units.
  await writeLatest(sandbox, session, {
    steps: 12345, // 0, a count
    water: 500, // 0, ml
    steps_distance: 10, // 1, km
    weight: 72.4, // 1, kg
    weather_temp_max: 21.5, // 1, °C
    active_energy: 2092, // 1, kJ
    mood_note: "Slept well, long walk by the river in the afternoon.", // 2
    sleep: 452, // 3, minutes
    meditation_min: 45, // 3
    sleep_end: 425, // 4, minutes after midnight
    body_fat: 0.184, // 5, a fraction
    sleep_start: 795, // 6, minutes after midday
    walk: 1, // 7, yes or no
    mood: 7, // 8, a scale of 1 to 9
  });
  await openAs(page, "imperial");
  await expectLatest(page, {
    Steps: "12,345",
    Water: "16.9 fl oz",
    Distance: "6.21 mi",
    Weight: "159.6 lb",
    "Max temperature": "70.7 °F",
    "Active energy": "500 kcal",
    "Time asleep": "7 h 32 min",
    Meditation: "45 min",
    "Wake time": "07:05",
    "Body fat": "18.4 %",
    Bedtime: "01:15",
    Walk: "Yes",
    Mood: "7 / 9",
  });
  // A long text is cut short on screen; the whole of it stays in the row for screen readers.
  const note = attributeRow(page, "Mood note");
  await expect(note).toContainText("Slept well, long walk by the river in t…");
  await expect(note).toContainText("Slept well, long walk by the river in the afternoon. today");
  // Numbers rise and fall in a sparkline; text and yes/no have none.
  for (const label of ["Steps", "Weight", "Time asleep", "Wake time", "Body fat", "Bedtime"]) {
    await expect(
      attributeRow(page, label).getByRole("img", { name: new RegExp(`^${label}, last 14 days`) }),
    ).toBeVisible();
  }
  for (const label of ["Mood note", "Walk"]) {
    await expect(attributeRow(page, label).getByRole("img")).toHaveCount(0);
  }
});

test("in metric units, each value has its unit", async ({ page, sandbox }) => {
  const session = await sealSession("demo");
  await writeLatest(sandbox, session, {
    steps: 12345,
    steps_distance: 6.4,
    weight: 72.4,
    active_energy: 2100,
    water: 1850,
    weather_temp_max: 18.4,
  });
  await openAs(page, "demo");
  await expectLatest(page, {
    Steps: "12,345",
    Distance: "6.4 km",
    Weight: "72.4 kg",
    "Active energy": "2,100 kJ",
    Water: "1,850 ml",
    "Max temperature": "18.4 °C",
  });
});

test("stalled attributes say so, and one this app owns says only values logged here reach it", async ({
  page,
}) => {
  await openAs(page, "imperial");
  const water = attributeRow(page, "Water");
  await expect(water).toContainText("No new data for 6 days");
  await expect(water).toContainText(
    "While this app owns Water, only values you log here reach it.",
  );
  await expect(attributeRow(page, "Active energy")).toContainText("No new data for 4 days");
  await expect(attributeRow(page, "Steps")).not.toContainText("No new data");

  await openAs(page, "demo");
  await expect(attributeRow(page, "Floors climbed")).toContainText("No new data for 5 days");
});

test("the dialogs say what the change does to the data", async ({ page }) => {
  await openAs(page, "demo");
  await attributeSwitch(page, "Steps").click();
  const acquire = dialog(page, "Acquire Steps?");
  await expect(acquire).toContainText(
    "Google Fit last wrote Steps today. This app writes only what you log here, so Steps will get no other new data until you release it or pick another owner on Exist.",
  );
  await acquire.getByRole("button", { name: "Acquire", exact: true }).click();
  await expect(attributeSwitch(page, "Steps")).toBeChecked();

  await attributeSwitch(page, "Steps").click();
  const release = dialog(page, "Release Steps?");
  await expect(release).toContainText("Ownership of Steps passes to Google Fit");
  await expect(release).toContainText("New data for Steps resumes from Google Fit.");
  await release.getByRole("button", { name: "Cancel" }).click();

  // Elevation: inactive, no service can supply it, so a release leaves it inactive again.
  await attributeSwitch(page, "Elevation").click();
  await expect(dialog(page, "Acquire Elevation?")).toContainText(
    "This app writes only what you log here, so Elevation will get no other new data until you release it or pick another owner on Exist.",
  );
  await dialog(page, "Acquire Elevation?")
    .getByRole("button", { name: "Acquire", exact: true })
    .click();
  await expect(attributeSwitch(page, "Elevation")).toBeChecked();
  await attributeSwitch(page, "Elevation").click();
  const inactive = dialog(page, "Release Elevation?");
  await expect(inactive).toContainText("so it becomes inactive");
  await expect(inactive).toContainText("Elevation gets no new data until a service acquires it.");
  await inactive.getByRole("button", { name: "Cancel" }).click();

  for (const label of ["Mood", "Energy", "Steps"]) {
    await page.getByRole("checkbox", { name: `Select ${label}`, exact: true }).check();
  }
  await page.getByRole("button", { name: "Acquire selected" }).click();
  const bulk = dialog(page, "Acquire 2 attributes?");
  await expect(bulk.getByRole("list", { name: "What happens to the data" })).toContainText(
    "Mood: 2 attributes from Exist for iOS will get no new data while this app owns them",
  );
});

test("'Also from' lists the other services that can supply it, not the owner", async ({ page }) => {
  await openAs(page, "demo");
  // demo's owners and available services (sandbox/seed-demo.ts).
  for (const [label, others] of [
    ["Steps", "Oura, Withings"], // Google Fit's
    ["Time asleep", "Withings, Fitbit"], // Oura's
    ["Weight", "Fitbit, Apple Health"], // Withings'
    ["Resting heart rate", "Fitbit, Withings"], // Oura's
  ] as const) {
    await expect(attributeRow(page, label)).toContainText(`Also from ${others} · `);
  }
  await expect(attributeRow(page, "Floors climbed")).not.toContainText("Also from");
});

test("the Owners summary counts what the sandbox holds and filters the list", async ({
  page,
  sandbox,
}) => {
  await openAs(page, "demo");
  const state = await sandbox.state("demo");
  const owners = page.getByRole("navigation", { name: "Owners" });
  const counts = new Map<string, number>();
  for (const attribute of state) {
    const label = attribute.active && attribute.service ? attribute.service.label : "Inactive";
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  for (const [label, count] of counts) {
    await expect(
      owners.getByRole("button", { name: `${label} ${count}`, exact: true }),
    ).toBeVisible();
  }
  await expect(owners.getByRole("button", { name: "This app 0", exact: true })).toBeVisible();
  // demo's stalled ones: Floors climbed (5 days), Heart rate variability (9), TV time (4).
  await expect(
    owners.getByRole("button", { name: "Not getting data 3", exact: true }),
  ).toBeVisible();

  await owners.getByRole("button", { name: /^Oura \d+$/ }).click();
  await expect(page.getByRole("switch")).toHaveCount(counts.get("Oura") ?? -1);
  await owners.getByRole("button", { name: "Not getting data 3", exact: true }).click();
  await expect(page.getByRole("switch")).toHaveCount(3);
  await expect(page.getByRole("combobox", { name: "Owner" })).toHaveValue("not-getting-data");
});

test("filters live in the URL and survive a reload", async ({ page }) => {
  await openAs(page, "demo");
  await page.getByRole("searchbox", { name: "Filter attributes" }).fill("sleep");
  await page.getByRole("combobox", { name: "Owner" }).selectOption("oura");
  await expect(page).toHaveURL(/\/attributes\?q=sleep&owner=oura$/);
  // Time asleep, Bedtime (sleep_start) and Wake time (sleep_end); Deep sleep is Withings'.
  await expect(page.getByRole("switch")).toHaveCount(3);
  await page.reload();
  await expect(page.getByRole("searchbox", { name: "Filter attributes" })).toHaveValue("sleep");
  await expect(page.getByRole("combobox", { name: "Owner" })).toHaveValue("oura");
  await expect(page.getByRole("switch")).toHaveCount(3);
  await expect(attributeSwitch(page, "Time asleep")).toBeVisible();
});

test("'Change owner on Exist' opens Exist's page; a change made there shows on refocus", async ({
  page,
  context,
  sandbox,
}) => {
  await openAs(page, "demo");
  const row = attributeRow(page, "Steps");
  const link = row.getByRole("link", { name: /^Change owner on Exist/ });
  await expect(link).toHaveAttribute("href", `${sandbox.url}/account/attributes/`);
  await expect(link).toHaveAttribute("target", "_blank");
  await expect(link).toHaveAttribute("rel", "noopener noreferrer");
  const [exist] = await Promise.all([context.waitForEvent("page"), link.click()]);
  await exist.waitForLoadState();
  await expect(exist).toHaveURL(`${sandbox.url}/account/attributes/`);
  // A sealed session skipped the consent page, so Exist's page asks who is signed in.
  await exist.getByRole("combobox", { name: "Account" }).selectOption("demo");
  await exist.getByRole("button", { name: "Show" }).click();
  await exist.getByRole("combobox", { name: "Owner of Steps" }).selectOption({ label: "Oura" });
  await exist.getByRole("button", { name: "Change owner of Steps" }).click();
  await expect(exist.getByRole("status")).toHaveText("Steps is now owned by Oura.");
  await exist.close();

  await page.bringToFront();
  await refocus(page);
  await expect(row).toContainText("Owned by Oura");
});
