import { call } from "../api/http";
import { expect, expectHydrated, test } from "../fixtures";
import { sealCookie, sealSession } from "../session";
import {
  attributeRow,
  attributeSwitch,
  dialog,
  sandboxAttribute,
  expectNoAxeViolations,
  useSessionCookie,
} from "./helpers";

test("groups without a write scope are read-only and say why; manual_write still allows manual ones", async ({
  page,
}) => {
  test.slow(); // axe over the whole list, in two colour schemes
  const { cookie } = await sealSession("demo", {
    scope: "activity_read activity_write mood_read sleep_read manual_read manual_write",
  });
  await useSessionCookie(page, cookie);
  await page.goto("/attributes");

  const sleep = page.getByRole("region", { name: "Sleep" });
  await expect(sleep).toContainText("Read-only: this app was not granted sleep_write");
  // Every switch is disabled until the page has hydrated; after that only the read-only ones.
  await expect(attributeSwitch(page, "Steps")).toBeEnabled();
  await expect(attributeSwitch(page, "Time asleep")).toBeDisabled();
  await expect(page.getByRole("region", { name: "Mood" })).toContainText(
    "Read-only: this app was not granted mood_write (manual attributes can still be acquired as manual entry)",
  );
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoAxeViolations(page);
  }

  const mood = attributeSwitch(page, "Mood");
  await expect(mood).toBeEnabled();
  await mood.click();
  const confirm = dialog(page, "Acquire Mood?");
  const manual = confirm.getByRole("checkbox", { name: "Manual entry" });
  await expect(manual).toBeChecked();
  await expect(manual).toBeDisabled();
  await confirm.getByRole("button", { name: "Acquire", exact: true }).click();
  await expect(confirm).toBeHidden();
  await expect(attributeRow(page, "Mood")).toContainText("Owned by this app");
  expect(await sandboxAttribute("demo", "mood")).toMatchObject({
    manual: true,
    service: { label: "Exist Ownership" },
  });
});

test("bulk acquire of 40 shows Exist's reason for each refusal and rolls back only those", async ({
  page,
  sandbox,
}) => {
  test.slow(); // 600 attributes, 40 changes and 45 checks
  // Signed in with activity_write, which the user has since taken back on Exist:
  // the app still offers Activity, and Exist refuses it item by item.
  const { token } = await sealSession("heavy", {
    scope: "activity_read custom_read custom_write",
  });
  await useSessionCookie(
    page,
    await sealCookie({ ...token, scopes: [...token.scopes, "activity_write"] }),
  );
  await page.goto("/attributes");
  await expectHydrated(page); // or the filter's text would not reach React

  const filter = page.getByRole("searchbox", { name: "Filter attributes" });
  const selectShown = page.getByRole("checkbox", { name: /^Select all shown/ });
  for (const decade of ["01", "02", "03"]) {
    await filter.fill(`Tag ${decade}`);
    await expect(page.getByRole("switch")).toHaveCount(10);
    await selectShown.check();
  }
  await filter.fill("");
  await page.getByRole("combobox", { name: "Group" }).selectOption({ label: "Activity" });
  await selectShown.check();
  const activity = (await sandbox.state("heavy")).filter((a) => a.group.name === "activity");
  const tagsToAdd = 40 - 30 - activity.length;
  await page.getByRole("combobox", { name: "Group" }).selectOption({ label: "All groups" });
  for (let n = 40; n < 40 + tagsToAdd; n += 1) {
    await page.getByRole("checkbox", { name: `Select Tag ${String(n).padStart(3, "0")}` }).check();
  }
  await expect(page.getByText("40 selected")).toBeVisible();
  await sandbox.clearRequests();

  await page.getByRole("button", { name: "Acquire selected" }).click();
  await dialog(page, "Acquire 40 attributes?")
    .getByRole("button", { name: "Acquire", exact: true })
    .click();

  const okCount = 40 - activity.length;
  const results = page.getByRole("region", {
    name: `Acquired ${okCount} of 40 attributes; ${activity.length} failed.`,
  });
  await expect(results).toBeVisible();
  const failed = results.getByRole("list", { name: "Failed" }).getByRole("listitem");
  await expect(failed).toHaveCount(activity.length);
  await results.screenshot({ path: "test-results/screenshots/bulk-results.png" });
  await expect(failed.filter({ hasText: "Steps:" })).toHaveText(
    "Steps: Missing scope 'activity_write' to acquire attribute 'steps'",
  );
  // One request from the page; the server sent Exist two (35 + 5).
  const calls = (await sandbox.requests()).filter((r) => r.path === "/api/2/attributes/acquire/");
  expect(calls).toHaveLength(2);

  for (const attribute of activity) {
    await expect(attributeSwitch(page, attribute.label)).not.toBeChecked();
    await expect(attributeRow(page, attribute.label)).not.toContainText("Owned by this app");
  }
  await expect(attributeSwitch(page, "Tag 010")).toBeChecked();
  const owned = (await sandbox.state("heavy")).filter((a) => a.service?.name === "exist_ownership");
  expect(owned).toHaveLength(okCount);
});

test("an account with no attributes it may read gets an explanation, not an empty page", async ({
  page,
}) => {
  const { cookie } = await sealSession("new", { scope: "finance_read finance_write" });
  await useSessionCookie(page, cookie);
  await page.goto("/attributes");
  await expect(page.getByRole("heading", { name: "No attributes yet" })).toBeVisible();
  await expect(page.getByRole("switch")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Add from templates" })).toBeVisible();
});

test("a slow Exist shows the loading skeleton first, then the list", async ({ page, sandbox }) => {
  // Fresh sessions: nothing cached yet, so the page's server render waits for Exist.
  await sandbox.fault({ path: "/api/2/attributes/", delayMs: 1500, times: 10 });
  // The HTML as it streams: the skeleton comes first, the list after it once Exist has answered.
  const html = (await call("/attributes", { cookie: (await sealSession("demo")).cookie })).text;
  const skeleton = html.indexOf("Loading your attributes…");
  expect(skeleton).toBeGreaterThan(0);
  expect(html.indexOf('aria-label="Select Steps"')).toBeGreaterThan(skeleton);

  await useSessionCookie(page, (await sealSession("demo")).cookie);
  await page.goto("/attributes");
  await expect(attributeSwitch(page, "Steps")).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText("Loading your attributes…")).toHaveCount(0);
});
