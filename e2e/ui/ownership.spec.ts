import { expect, test } from "../fixtures";
import { sandbox } from "../sandbox";
import {
  ageTheList,
  attributeRow,
  attributeSwitch,
  dialog,
  liveStatus,
  refocus,
  sandboxAttribute,
} from "./helpers";
import { signInThroughConsent } from "../session";

test.beforeEach(async ({ page }) => {
  await sandbox.reset();
  await signInThroughConsent(page);
});

test("acquires an attribute owned by another service", async ({ page }) => {
  const steps = attributeSwitch(page, "Steps");
  await expect(attributeRow(page, "Steps")).toContainText("Owned by Google Fit");
  await expect(steps).not.toBeChecked();

  await steps.click();
  const confirm = dialog(page, "Acquire Steps?");
  await expect(confirm).toContainText("Google Fit will stop being able to write Steps");
  await expect(confirm).toContainText("Exist does not ask you");
  await expect(confirm.getByRole("checkbox", { name: "Manual entry" })).not.toBeChecked();
  await confirm.getByRole("button", { name: "Acquire", exact: true }).click();

  await expect(confirm).toBeHidden();
  await expect(steps).toBeChecked();
  await expect(steps).toBeFocused();
  await expect(attributeRow(page, "Steps")).toContainText("Owned by this app");
  await expect(liveStatus(page)).toHaveText("Steps is now owned by this app.");
  const stored = await sandboxAttribute("demo", "steps");
  expect(stored.service?.label).toBe("Exist Ownership");
  expect(stored.manual).toBe(false);
});

test("acquiring an inactive attribute reactivates it; releasing it makes it inactive", async ({
  page,
}) => {
  const elevation = attributeSwitch(page, "Elevation");
  await expect(attributeRow(page, "Elevation")).toContainText("Inactive – no owner");
  await elevation.click();
  const acquire = dialog(page, "Acquire Elevation?");
  await expect(acquire).toContainText("Acquiring it reactivates it");
  await acquire.getByRole("checkbox", { name: "Manual entry" }).check();
  await acquire.getByRole("button", { name: "Acquire", exact: true }).click();
  await expect(elevation).toBeChecked();
  expect(await sandboxAttribute("demo", "steps_elevation")).toMatchObject({
    active: true,
    manual: true,
    service: { label: "Exist Ownership" },
  });

  await elevation.click();
  const release = dialog(page, "Release Elevation?");
  await expect(release).toContainText("so it becomes inactive");
  await release.getByRole("button", { name: "Release", exact: true }).click();
  await expect(release).toBeHidden();
  await expect(elevation).not.toBeChecked();
  await expect(elevation).toBeFocused();
  await expect(attributeRow(page, "Elevation")).toContainText("Inactive – no owner");
  await expect(liveStatus(page)).toHaveText("Elevation released: it is now inactive.");
  expect(await sandboxAttribute("demo", "steps_elevation")).toMatchObject({
    active: false,
    service: null,
  });
});

test("releasing hands the attribute to the next service that can supply it", async ({ page }) => {
  await sandbox.setOwner("demo", "sleep", "exist_ownership");
  await page.reload();
  const sleep = attributeSwitch(page, "Time asleep");
  await expect(sleep).toBeChecked();

  await sleep.click();
  const release = dialog(page, "Release Time asleep?");
  await expect(release).toContainText("Ownership of Time asleep passes to Oura");
  await release.getByRole("button", { name: "Release", exact: true }).click();
  await expect(release).toBeHidden();
  await expect(attributeRow(page, "Time asleep")).toContainText("Owned by Oura");
  expect((await sandboxAttribute("demo", "sleep")).service?.label).toBe("Oura");
});

test("keeps the dialog open with the reason when Exist fails, and changes nothing", async ({
  page,
}) => {
  await sandbox.fault({ path: "/api/2/attributes/acquire/", status: 500 });
  const weight = attributeSwitch(page, "Weight");
  await weight.click();
  const confirm = dialog(page, "Acquire Weight?");
  await confirm.getByRole("button", { name: "Acquire", exact: true }).click();

  await expect(confirm.getByRole("alert")).toContainText("Exist could not be reached");
  await expect(confirm).toBeVisible();
  // Behind the modal dialog the list is hidden from the accessibility tree, not from the eye.
  await expect(page.getByRole("switch", { name: "Weight", includeHidden: true })).not.toBeChecked();

  // The fault was used up: trying again from the same dialog works.
  await confirm.getByRole("button", { name: "Acquire", exact: true }).click();
  await expect(confirm).toBeHidden();
  await expect(weight).toBeChecked();
  await expect(weight).toBeFocused();
});

test("Cancel changes nothing and returns focus to the switch", async ({ page }) => {
  await sandbox.clearRequests();
  const mood = attributeSwitch(page, "Mood");
  await mood.click();
  const confirm = dialog(page, "Acquire Mood?");
  await expect(confirm.getByRole("checkbox", { name: "Manual entry" })).toBeChecked();
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toBeHidden();
  await expect(mood).toBeFocused();
  await expect(mood).not.toBeChecked();
  const writes = (await sandbox.requests()).filter((request) => request.method === "POST");
  expect(writes).toEqual([]);
});

test("shows an owner changed elsewhere when the user comes back", async ({ page }) => {
  await ageTheList(page);
  await expect(attributeRow(page, "Steps")).toContainText("Owned by Google Fit");
  await sandbox.setOwner("demo", "steps", "oura");
  // Until the page has hydrated nothing listens for focus: refocus until the list catches up.
  await expect(async () => {
    await refocus(page);
    await expect(attributeRow(page, "Steps")).toContainText("Owned by Oura", { timeout: 1000 });
  }).toPass({ timeout: 10_000 }); // well within the server's 30 s cache: the refetch skips it
});

test("creates an attribute from a template", async ({ page }) => {
  await expect(attributeSwitch(page, "Pages read")).toHaveCount(0);
  await page.getByRole("button", { name: "Show templates" }).click();
  await page.getByRole("button", { name: "Add Pages read" }).click();
  const confirm = dialog(page, "Create Pages read?");
  await expect(confirm).toContainText(
    "will be created in your Exist account and owned by this app",
  );
  await confirm.getByRole("button", { name: "Create and acquire" }).click();

  await expect(confirm).toBeHidden();
  await expect(attributeSwitch(page, "Pages read")).toBeChecked();
  await expect(attributeSwitch(page, "Pages read")).toBeFocused();
  await expect(page.getByRole("button", { name: "Add Pages read" })).toHaveCount(0);
  expect((await sandboxAttribute("demo", "pages_read")).service?.label).toBe("Exist Ownership");
});

test("a refetch while a change is in flight does not flip the switch back", async ({ page }) => {
  await ageTheList(page);
  const steps = attributeSwitch(page, "Steps");
  await expect(async () => {
    await refocus(page); // also proves the page has hydrated before we start watching
    await expect(steps).toBeEnabled({ timeout: 500 });
  }).toPass();
  // Record every value the switch shows, however briefly.
  await steps.evaluate((node) => {
    const seen: string[] = [node.getAttribute("aria-checked") ?? ""];
    (window as unknown as { seen: string[] }).seen = seen;
    new MutationObserver(() => {
      const value = node.getAttribute("aria-checked") ?? "";
      if (value !== seen.at(-1)) seen.push(value);
    }).observe(node, { attributes: true, attributeFilter: ["aria-checked"] });
  });
  await sandbox.fault({ path: "/api/2/attributes/acquire/", delayMs: 1500 });

  await steps.click();
  const confirm = dialog(page, "Acquire Steps?");
  await confirm.getByRole("button", { name: "Acquire", exact: true }).click();
  const hiddenSteps = page.getByRole("switch", { name: "Steps", exact: true, includeHidden: true });
  await expect(hiddenSteps).toBeChecked(); // optimistic, before Exist has answered
  await refocus(page);
  await expect(confirm).toBeHidden();
  await expect(steps).toBeChecked();
  const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
  expect(seen).toEqual(["false", "true"]);
});
