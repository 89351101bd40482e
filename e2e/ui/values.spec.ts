/**
 * What each owner does to the data: recent values, stalled attributes, who else can supply an
 * attribute, the Owners summary, filters in the URL, and Exist's own page for changing owners.
 */
import type { Page } from "@playwright/test";
import { expect, test, waitForHydration } from "../fixtures";
import { sandbox, type SandboxAttribute } from "../sandbox";
import { sealSession } from "../session";
import { formatValue, METRIC } from "../../lib/attributes/format";
import { relativeDay, todayIn } from "../../lib/attributes/days";
import type { Units } from "../../lib/api/contract";
import {
  attributeRow,
  attributeSwitch,
  dialog,
  refocus,
  useSessionCookie as setSessionCookie,
} from "./helpers";

type Valued = { name: string; label: string; template: string | null; value_type: number };
type WithValues = Valued & { values: Array<{ date: string; value: number | string | null }> };

/** The sandbox's own answer, straight from its API with the session's token. */
async function sandboxValues(accessToken: string) {
  const get = async <T>(path: string) => {
    const response = await fetch(`${sandbox.url}${path}`, {
      headers: { Authorization: `Bearer ${accessToken}` },
    });
    return (await response.json()) as T;
  };
  const page = await get<{ results: WithValues[] }>(
    "/api/2/attributes/with-values/?days=14&limit=100",
  );
  const profile = await get<Record<string, unknown> & { timezone: string }>(
    "/api/2/accounts/profile/",
  );
  const units: Units = {
    distance: profile.imperial_distance === true,
    weight: profile.imperial_weight === true,
    energy: profile.imperial_energy === true,
    liquid: profile.imperial_liquid === true,
    temperature: profile.imperial_temperature === true,
  };
  const today = todayIn(profile.timezone);
  const latest = (item: WithValues) =>
    item.values.filter((day) => day.value !== null).sort((a, b) => (a.date < b.date ? 1 : -1))[0];
  return { items: page.results, units, today, latest };
}

async function openAs(page: Page, account: string) {
  const session = await sealSession(account);
  await setSessionCookie(page, session.cookie);
  await page.goto("/attributes");
  await waitForHydration(page);
  await expect(page.getByText(/^Values of the last 14 days, as of/)).toBeVisible();
  // The server keeps values two hours per user, past the sandbox's reset between tests:
  // "Refresh values" asks Exist (the sandbox) again.
  const fresh = page.waitForResponse(
    (response) =>
      response.url().endsWith("/api/values") &&
      response.request().headers()["cache-control"] === "no-cache",
  );
  await page.getByRole("button", { name: "Refresh values" }).click();
  expect((await fresh).status()).toBe(200);
  await expect(page.getByRole("button", { name: "Refresh values" })).toBeVisible();
  return session;
}

test.beforeEach(async () => {
  await sandbox.reset();
});

for (const account of ["imperial", "demo"]) {
  test(`each row shows the sandbox's latest value, its day and a sparkline (${account})`, async ({
    page,
  }) => {
    const session = await openAs(page, account);
    const { items, units, today, latest } = await sandboxValues(session.tokens.access_token);
    const seen = new Set<number>();
    for (const item of items) {
      const day = latest(item);
      if (!day || day.value === null || (account === "demo" && seen.has(item.value_type))) continue;
      seen.add(item.value_type);
      const text = formatValue(day.value, item.value_type, item.template ?? item.name, units);
      const row = attributeRow(page, item.label);
      await expect(row, `${item.label} (type ${item.value_type})`).toContainText(
        text.length > 40 ? text.slice(0, 20) : text,
      );
      await expect(row).toContainText(relativeDay(day.date, today));
      if (![2, 7].includes(item.value_type)) {
        await expect(
          row.getByRole("img", { name: new RegExp(`^${item.label}, last 14 days`) }),
        ).toBeVisible();
      }
    }
    expect([...seen].sort()).toEqual(
      account === "imperial" ? [0, 1, 2, 3, 4, 5, 6, 7, 8] : expect.arrayContaining([0, 1, 3]),
    );
    if (account === "imperial") {
      // Metric values from Exist, shown in the units the profile asks for.
      await expect(attributeRow(page, "Distance")).toContainText(/\d mi\b/);
      await expect(attributeRow(page, "Weight")).toContainText(/\d lb\b/);
      await expect(attributeRow(page, "Max temperature")).toContainText(/°F/);
      await expect(attributeRow(page, "Water")).toContainText(/fl oz/);
    } else {
      expect(units).toEqual(METRIC);
      await expect(attributeRow(page, "Distance")).toContainText(/\d km\b/);
    }
  });
}

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

test("'Also from' lists the sandbox's other available services", async ({ page }) => {
  await openAs(page, "demo");
  const state = await sandbox.state("demo");
  for (const name of ["steps", "sleep", "weight", "heartrate_resting"]) {
    const attribute = state.find((candidate) => candidate.name === name) as SandboxAttribute;
    const others = attribute.available_services
      .filter((service) => service.name !== attribute.service?.name)
      .map((service) => service.label);
    await expect(attributeRow(page, attribute.label)).toContainText(
      `Also from ${others.join(", ")}`,
    );
  }
  await expect(attributeRow(page, "Floors climbed")).not.toContainText("Also from");
});

test("the Owners summary counts what the sandbox holds and filters the list", async ({ page }) => {
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
