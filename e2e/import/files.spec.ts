/**
 * The Import page with the two other layouts a person brings: a long CSV (date, attribute, value
 * per row) in imperial units, and a Daylio export with a renamed mood, an activity that is no
 * tag yet and notes. Each is picked through the File input, mapped, previewed and imported; the
 * preview's counts are worked out from the sandbox's values before the import, and afterwards
 * the sandbox holds exactly the file's values, in metric, on the person's own days, written in
 * update/ calls of at most 35 values, as few as can carry them.
 */
import type { Page } from "@playwright/test";
import type { Value } from "../../lib/api/contract";
import { expect, test } from "../fixtures";
import { sandbox } from "../sandbox";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "../ui/helpers";
import { dayIn, openAs } from "../ui/write-helpers";
import { UPDATE, sandboxValues } from "./helpers";

const SHOTS = "e2e/artifacts/import";
/** Exist's most values in one write call. */
const BATCH = 35;
/** By definition: 1 lb = 0.45359237 kg, 1 US fl oz = 29.5735295625 ml. */
const KG_PER_LB = 0.45359237;
const ML_PER_FL_OZ = 29.5735295625;

/** Per attribute name, the value the file gives each day, as Exist stores it. */
type Planned = Map<string, Map<string, Value>>;
type Held = Map<string, Map<string, Value>>;

const csv = (name: string, rows: string[]) => ({
  name,
  mimeType: "text/csv",
  buffer: Buffer.from(`${rows.join("\n")}\n`),
});

/** Floats compare to Exist's 6 stored places; everything else exactly. */
const same = (a: Value | undefined, b: Value) =>
  typeof a === "number" && typeof b === "number" ? Math.abs(a - b) < 1e-6 : a === b;

async function heldBy(token: string, names: Iterable<string>): Promise<Held> {
  const held: Held = new Map();
  for (const name of names) held.set(name, await sandboxValues(token, name));
  return held;
}

/** What the preview must count, from the sandbox's values before anything is written. */
function countsFrom(planned: Planned, held: Held) {
  const counts = { new: 0, replace: 0, unchanged: 0 };
  for (const [name, days] of planned) {
    for (const [day, value] of days) {
      const before = held.get(name)?.get(day);
      if (before === undefined || before === null) counts.new += 1;
      else if (same(before, value)) counts.unchanged += 1;
      else counts.replace += 1;
    }
  }
  return counts;
}

async function expectPreview(page: Page, counts: ReturnType<typeof countsFrom>, invalid: number) {
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview).toContainText(`${counts.new} new`);
  await expect(preview).toContainText(`${counts.replace} to replace`);
  await expect(preview).toContainText(`${counts.unchanged} unchanged`);
  await expect(preview).toContainText(`${invalid} invalid`);
  return preview;
}

/**
 * The sandbox after the import: every day of the file holds the file's value, and every other
 * day before today holds what it held before (today: an attribute acquired today has no seeded
 * value from today on).
 */
async function expectHeld(token: string, planned: Planned, before: Held, today: string) {
  for (const [name, days] of planned) {
    const after = await sandboxValues(token, name);
    for (const [day, value] of days) {
      expect(same(after.get(day), value), `${name} on ${day}: ${after.get(day)} ≠ ${value}`).toBe(
        true,
      );
    }
    const others = (map: Map<string, Value>) =>
      [...map].filter(([day]) => day < today && !days.has(day)).sort();
    expect(others(after), `${name} on days the file leaves out`).toEqual(
      others(before.get(name) ?? new Map()),
    );
  }
}

/** Every update/ call carried at most 35 values, in as few calls as `written` needs. */
async function expectCalls(written: number) {
  const calls = await sandbox.requests(UPDATE);
  expect(calls.every((call) => call.status === 200)).toBe(true);
  expect(calls.every((call) => (call.objects ?? 0) <= BATCH)).toBe(true);
  expect(calls.reduce((total, call) => total + (call.objects ?? 0), 0)).toBe(written);
  expect(calls).toHaveLength(Math.ceil(written / BATCH));
}

/** Light, dark and 375 px screenshots of the page as it is now. */
async function shots(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: `${SHOTS}/${name}-dark.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 375, height: 800 });
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: `${SHOTS}/${name}-375.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function openImport(page: Page, account: string) {
  const session = await openAs(page, account);
  await page.getByRole("link", { name: "Import", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Import values" })).toBeVisible();
  return session;
}

test("a long CSV in imperial units: mapping, preview, acquire, and Exist holds it in metric", async ({
  page,
}) => {
  test.slow();
  const session = await openImport(page, "imperial");
  const token = session.tokens.access_token;
  // The person is in Chicago: their days, not this machine's or UTC's.
  const day = (offset: number) => dayIn("America/Chicago", offset);
  const today = day(0);
  const before = await heldBy(token, ["steps", "weight", "water", "walk"]);
  const held = (name: string, date: string) => before.get(name)?.get(date);

  const planned: Planned = new Map([
    ["steps", new Map()],
    ["weight", new Map()],
    ["water", new Map()],
    ["walk", new Map()],
  ]);
  // As health exports write them: a unit beside each value.
  const UNITS: Record<string, string> = {
    Steps: "steps",
    Weight: "lb",
    Water: "fl oz",
    Walked: "",
  };
  const rows = ["date,attribute,value,unit"];
  const add = (offset: number, key: string, name: string, cell: string, stored: Value) => {
    rows.push(`${day(offset)},${key},${cell},${UNITS[key]}`);
    planned.get(name)?.set(day(offset), stored);
  };
  for (let offset = -30; offset <= -1; offset += 1) {
    // Every other day with a value in Exist gives that value again: unchanged.
    const current = held("steps", day(offset));
    const other = 5000 + 37 * -offset;
    const steps =
      typeof current === "number" && offset % 2 === 0
        ? current
        : other === current
          ? other + 1
          : other;
    add(offset, "Steps", "steps", String(steps), steps);
  }
  for (let offset = -40; offset <= -11; offset += 1) {
    const pounds = (150 + 0.3 * (offset + 40)).toFixed(1);
    add(offset, "Weight", "weight", pounds, Number((Number(pounds) * KG_PER_LB).toFixed(6)));
  }
  for (let offset = -20; offset <= -1; offset += 1) {
    const ounces = 60 + offset;
    add(offset, "Water", "water", String(ounces), Math.round(ounces * ML_PER_FL_OZ));
    const walked = held("walk", day(offset));
    // Every other day with a value in Exist gives it again, the others its opposite.
    const yes = walked === undefined ? offset % 3 === 0 : (walked === 1) === (offset % 2 === 0);
    add(offset, "Walked", "walk", yes ? "yes" : "no", yes ? 1 : 0);
  }
  rows.push(`${day(-35)},Steps,lots,steps`);

  await page.getByLabel("File", { exact: true }).setInputFiles(csv("history.csv", rows));
  await expect(page.getByText("Laid out as one value per row.")).toBeVisible();
  // The columns of names and values are the person's to change: the file is read again.
  const names = page.getByRole("combobox", { name: "Column of attribute names" });
  await expect(names).toHaveValue("1");
  await expect(page.getByRole("combobox", { name: "Column of values" })).toHaveValue("2");
  await names.selectOption({ label: "unit" });
  await expect(page.getByRole("combobox", { name: "fl oz rows" })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Weight rows" })).toHaveCount(0);
  await names.selectOption({ label: "attribute" });
  await expect(page.getByRole("combobox", { name: "fl oz rows" })).toHaveCount(0);
  await expect(page.getByRole("combobox", { name: "Steps rows" })).toHaveValue("attribute:steps");
  await expect(page.getByRole("combobox", { name: "Weight rows" })).toHaveValue("attribute:weight");
  await expect(page.getByRole("combobox", { name: "Water rows" })).toHaveValue("attribute:water");
  // The file's own key for the tag is no attribute's label: the person points it at Walk.
  const walkedKey = page.getByRole("combobox", { name: "Walked rows" });
  await expect(walkedKey).toHaveValue("new-tag:Walked");
  await walkedKey.selectOption({ label: "Walk" });
  await expect(walkedKey).toHaveValue("attribute:walk");
  await expect(page.getByRole("combobox", { name: "Units of Weight" })).toHaveValue("imperial");
  await expect(page.getByRole("combobox", { name: "Units of Water" })).toHaveValue("imperial");
  await expect(page.getByText("Will be acquired from Withings")).toBeVisible();
  await shots(page, "long-1-mapping");

  const counts = countsFrom(planned, before);
  expect(counts.unchanged).toBeGreaterThan(0);
  expect(counts.replace).toBeGreaterThan(0);
  const written = counts.new + counts.replace;
  expect(written).toBeGreaterThan(2 * BATCH);
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = await expectPreview(page, counts, 1);
  await expect(preview).toContainText("Row 102");
  expect(await sandbox.requests(UPDATE)).toEqual([]);
  await expectNoAxeViolations(page);
  await shots(page, "long-2-preview");

  await sandbox.clearRequests();
  await page.getByRole("button", { name: "Start import" }).click();
  const acquire = page.getByRole("alertdialog", { name: "Acquire 3 attributes?" });
  await expect(acquire).toBeVisible();
  expect(await sandbox.requests(UPDATE)).toEqual([]);
  await acquire.getByRole("button", { name: "Acquire", exact: true }).click();
  const finished = page.getByRole("region", { name: "Import finished" });
  await expect(finished).toBeVisible({ timeout: 60_000 });
  await expect(finished).toContainText(`${written} written`);
  await expect(finished).toContainText(`${counts.unchanged} unchanged`);

  await expectHeld(token, planned, before, today);
  await expectCalls(written);
});

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = [
  ...["January", "February", "March", "April", "May", "June"],
  ...["July", "August", "September", "October", "November", "December"],
];
const DAYLIO_STEPS: Record<string, number> = { rad: 9, good: 7, meh: 5, bad: 3, awful: 1 };
/** The person renamed one of Daylio's moods: the file says "so-so", the table makes it a 4. */
const SO_SO = 4;

/** One line of Daylio's CSV export, as Daylio writes it. */
function daylioLine(date: string, time: string, mood: string, activities: string[], note = "") {
  const at = new Date(`${date}T00:00:00Z`);
  const shortDate = `${MONTHS[at.getUTCMonth()]} ${at.getUTCDate()}`;
  const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`;
  const weekday = WEEKDAYS[at.getUTCDay()];
  return `${date},${shortDate},${weekday},${time},${mood},${quoted(activities.join(" | "))},"",${quoted(note)}`;
}

test("a Daylio export: moods through the table, activities as tags, notes, and Exist holds it", async ({
  page,
}) => {
  test.slow();
  const session = await openImport(page, "auckland");
  const token = session.tokens.access_token;
  const day = (offset: number) => dayIn("Pacific/Auckland", offset);
  const today = day(0);
  const before = await heldBy(token, ["mood", "mood_note", "swim", "beach"]);
  const held = (name: string, date: string) => before.get(name)?.get(date);

  const planned: Planned = new Map(
    ["mood", "mood_note", "swim", "beach", "reading"].map((name) => [name, new Map()]),
  );
  const plan = (name: string, offset: number, value: Value) =>
    planned.get(name)?.set(day(offset), value);
  const labels = ["rad", "good", "so-so", "meh", "bad", "awful"];
  const step = (label: string) => (label === "so-so" ? SO_SO : (DAYLIO_STEPS[label] as number));
  // Daylio lists its entries newest first; one day has two (the later one's mood stays).
  const lines = [daylioLine(day(1), "09:00", "good", ["swim"], "Tomorrow, somehow")];
  for (let offset = -1; offset >= -50; offset -= 1) {
    const mood = held("mood", day(offset));
    const again = Object.keys(DAYLIO_STEPS).find((label) => DAYLIO_STEPS[label] === mood);
    let label = labels[-offset % labels.length] as string;
    if (again && offset % 3 === 0) label = again;
    else if (step(label) === mood) label = labels[(-offset + 1) % labels.length] as string;
    const activities = [
      ...(offset % 3 === 0 ? ["swim"] : []),
      ...(offset % 4 === 0 ? ["beach"] : []),
      ...(offset % 5 === 0 ? ["Reading"] : []),
    ];
    const seededNote = held("mood_note", day(offset));
    const note =
      offset % 2 !== 0
        ? ""
        : offset === -2 && typeof seededNote === "string"
          ? seededNote
          : `Day ${-offset}: a swim & a long lunch`;
    if (offset === -3) {
      lines.push(daylioLine(day(offset), "21:30", label, ["Reading"]));
      lines.push(daylioLine(day(offset), "08:15", "awful", activities, note));
      plan("reading", offset, 1);
    } else lines.push(daylioLine(day(offset), "18:52", label, activities, note));
    plan("mood", offset, step(label));
    if (note) plan("mood_note", offset, note);
    for (const activity of activities) plan(activity.toLowerCase(), offset, 1);
  }
  const header = "full_date,date,weekday,time,mood,activities,note_title,note";

  await page
    .getByLabel("File", { exact: true })
    .setInputFiles(csv("daylio_export.csv", [header, ...lines]));
  await expect(page.getByText("Laid out as Daylio’s export.")).toBeVisible();
  await expect(page.getByRole("combobox", { name: "mood column" })).toHaveValue("attribute:mood");
  await expect(page.getByRole("combobox", { name: "note column" })).toHaveValue(
    "attribute:mood_note",
  );
  await expect(page.getByRole("combobox", { name: "swim activity" })).toHaveValue("attribute:swim");
  await expect(page.getByRole("combobox", { name: "beach activity" })).toHaveValue(
    "attribute:beach",
  );
  const reading = page.getByRole("combobox", { name: "Reading activity" });
  await expect(reading).toHaveValue("new-tag:Reading");
  await expect(page.getByText("Will be created as a daily tag")).toBeVisible();
  await expect(page.getByText("Will be acquired from Exist for iOS")).toBeVisible();

  const moods = page.getByRole("group", { name: "Moods" });
  await expect(moods.getByRole("combobox", { name: "rad mood" })).toHaveValue("9");
  await expect(moods.getByRole("combobox", { name: "awful mood" })).toHaveValue("1");
  const soSo = moods.getByRole("combobox", { name: "so-so mood" });
  await expect(soSo).toHaveValue("");
  await moods.screenshot({ path: `${SHOTS}/daylio-2-moods-unset.png` });
  await soSo.selectOption(String(SO_SO));
  await expect(soSo).toHaveValue(String(SO_SO));
  await moods.screenshot({ path: `${SHOTS}/daylio-2-moods.png` });
  await shots(page, "daylio-1-mapping");

  const counts = countsFrom(planned, before);
  expect(counts.unchanged).toBeGreaterThan(0);
  expect(counts.replace).toBeGreaterThan(0);
  const written = counts.new + counts.replace;
  expect(written).toBeGreaterThan(2 * BATCH);
  await page.getByRole("button", { name: "Preview" }).click();
  await expectPreview(page, counts, 1);
  expect(await sandbox.requests(UPDATE)).toEqual([]);
  await expectNoAxeViolations(page);
  await shots(page, "daylio-3-preview");

  await sandbox.clearRequests();
  await page.getByRole("button", { name: "Start import" }).click();
  const acquire = page.getByRole("alertdialog", { name: "Acquire Beach?" });
  await acquire.getByRole("button", { name: "Acquire", exact: true }).click();
  const create = page.getByRole("alertdialog", { name: "Create 1 daily tag?" });
  await expect(create).toContainText("Reading");
  expect(await sandbox.requests(UPDATE)).toEqual([]);
  await create.getByRole("button", { name: "Create tags" }).click();
  const finished = page.getByRole("region", { name: "Import finished" });
  await expect(finished).toBeVisible({ timeout: 60_000 });
  await expect(finished).toContainText(`${written} written`);
  await expect(finished).toContainText(`${counts.unchanged} unchanged`);

  // Exist named the new tag: the test finds it by its label.
  const state = await sandbox.state("auckland");
  const tag = state.find((attribute) => attribute.label === "Reading");
  expect(tag).toBeDefined();
  const days = planned.get("reading") ?? new Map();
  planned.delete("reading");
  planned.set(tag?.name ?? "", days);
  // Days without an activity keep what their tag held: the import writes only the days logged.
  await expectHeld(token, planned, before, today);
  await expectCalls(written);
});
