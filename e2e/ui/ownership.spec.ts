import { expect, test } from "../fixtures";
import {
  ageTheList,
  attributeRow,
  attributeSwitch,
  dialog,
  liveStatus,
  refocus,
  sandboxAttribute,
} from "./helpers";

test("acquires an attribute owned by another service", async ({ signedInPage: page }) => {
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
  signedInPage: page,
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

test("releasing hands the attribute to the next service that can supply it", async ({
  signedInPage: page,
  sandbox,
}) => {
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
  signedInPage: page,
  sandbox,
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

test("Cancel changes nothing and returns focus to the switch", async ({
  signedInPage: page,
  sandbox,
}) => {
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

test("shows an owner changed elsewhere when the user comes back", async ({
  signedInPage: page,
  sandbox,
}) => {
  await ageTheList(page);
  await expect(attributeRow(page, "Steps")).toContainText("Owned by Google Fit");
  await sandbox.setOwner("demo", "steps", "oura");
  // The list is stale (ageTheList) and the page has hydrated: one refocus refetches it, past the
  // server's 30 s cache.
  const refetched = page.waitForResponse(
    (response) => new URL(response.url()).pathname === "/api/attributes",
  );
  await refocus(page);
  expect((await refetched).status()).toBe(200);
  await expect(attributeRow(page, "Steps")).toContainText("Owned by Oura");
});

test("creates an attribute from a template", async ({ signedInPage: page }) => {
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

test("a refetch while a change is in flight does not flip the switch back", async ({
  signedInPage: page,
}) => {
  // The list is stale, so a refocus would refetch it now, were a change not in flight.
  await ageTheList(page);
  const steps = attributeSwitch(page, "Steps");
  await expect(steps).toBeEnabled();
  // Record every value the switch shows, however briefly.
  await steps.evaluate((node) => {
    const seen: string[] = [node.getAttribute("aria-checked") ?? ""];
    (window as unknown as { seen: string[] }).seen = seen;
    new MutationObserver(() => {
      const value = node.getAttribute("aria-checked") ?? "";
      if (value !== seen.at(-1)) seen.push(value);
    }).observe(node, { attributes: true, attributeFilter: ["aria-checked"] });
  });
  // Count the page's requests for the list as it makes them: a refetch on focus starts within
  // the focus event's own microtasks, so the count is final once the refocus has returned.
  await page.evaluate(() => {
    const counter = window as unknown as { listFetches: number };
    counter.listFetches = 0;
    const send = window.fetch;
    window.fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (new URL(url, location.href).pathname === "/api/attributes") counter.listFetches += 1;
      return send(input, init);
    };
  });
  // The acquire is held on its way to the app until after the refocus: the refocus falls inside
  // the change, however slow the machine.
  let letGo = () => {};
  const held = new Promise<void>((resolve) => (letGo = resolve));
  await page.route("**/api/attributes/acquire", async (route) => {
    await held;
    await route.continue();
  });

  await steps.click();
  const confirm = dialog(page, "Acquire Steps?");
  await confirm.getByRole("button", { name: "Acquire", exact: true }).click();
  const hiddenSteps = page.getByRole("switch", { name: "Steps", exact: true, includeHidden: true });
  await expect(hiddenSteps).toBeChecked(); // optimistic, before Exist has answered
  await refocus(page);
  const fetches = await page.evaluate(
    () => (window as unknown as { listFetches: number }).listFetches,
  );
  expect(fetches, "refetches of the list while the change is in flight").toBe(0);
  letGo();
  await expect(confirm).toBeHidden();
  await expect(steps).toBeChecked();
  const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
  expect(seen).toEqual(["false", "true"]);
  expect((await sandboxAttribute("demo", "steps")).service?.name).toBe("exist_ownership");
});
