import { expect, expectHydrated, test } from "../fixtures";
import { attributeRow, attributeSwitch, dialog, sandboxAttribute } from "./helpers";

test("filters by text (label and name), group and ownership", async ({ signedInPage: page }) => {
  const filter = page.getByRole("searchbox", { name: "Filter attributes" });

  await filter.fill("sleep");
  await expect(attributeSwitch(page, "Time asleep")).toBeVisible();
  await expect(attributeSwitch(page, "Steps")).toHaveCount(0);
  await filter.fill("steps_elev");
  await expect(page.getByRole("switch")).toHaveCount(1);
  await expect(attributeSwitch(page, "Elevation")).toBeVisible();

  await filter.fill("");
  await page.getByRole("combobox", { name: "Group" }).selectOption({ label: "Mood" });
  await expect(page.getByRole("heading", { level: 2, name: "Mood" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Activity" })).toHaveCount(0);
  await expect(attributeRow(page, "Mood")).toContainText("Manual");

  await page.getByRole("combobox", { name: "Group" }).selectOption({ label: "All groups" });
  await page.getByRole("checkbox", { name: "Owned by this app" }).check();
  await expect(page.getByText("No attributes match these filters.")).toBeVisible();
  await expect(page.getByRole("switch")).toHaveCount(0);
});

test.describe("on the 600-attribute account", () => {
  test.use({ account: "heavy" });
  // Signing in to 600 attributes, 40 changes and 75 checks: over 30 s on a busy machine.
  test.slow();

  test("bulk acquire of 40: one request, a result per attribute, failed ones rolled back", async ({
    signedInPage: page,
    sandbox,
  }) => {
    const filter = page.getByRole("searchbox", { name: "Filter attributes" });
    for (const decade of ["01", "02", "03", "04"]) {
      await filter.fill(`Tag ${decade}`);
      await expect(page.getByRole("switch")).toHaveCount(10);
      await page.getByRole("checkbox", { name: /^Select all shown/ }).check();
    }
    await filter.fill("");
    await expect(page.getByText("40 selected")).toBeVisible();

    // The app sends 35 a call to Exist: the first call goes through, the second fails.
    await sandbox.fault({ path: "/api/2/attributes/acquire/", delayMs: 1 });
    await sandbox.fault({ path: "/api/2/attributes/acquire/", status: 500 });
    await sandbox.clearRequests();

    await page.getByRole("button", { name: "Acquire selected" }).click();
    const confirm = dialog(page, "Acquire 40 attributes?");
    await expect(
      confirm.getByRole("list", { name: "What changes" }).getByRole("listitem"),
    ).toHaveCount(40);
    await expect(confirm).toContainText("Tag 010");
    await page.screenshot({ path: "test-results/screenshots/bulk-dialog.png" });
    await confirm.getByRole("button", { name: "Acquire", exact: true }).click();
    await expect(confirm).toBeHidden();

    const results = page.getByRole("region", { name: "Acquired 35 of 40 attributes; 5 failed." });
    await expect(results).toBeVisible();
    const failed = results.getByRole("list", { name: "Failed" }).getByRole("listitem");
    await expect(failed).toHaveCount(5);
    for (const item of await failed.all()) await expect(item).toContainText(/: \S+/);

    const acquireCalls = (await sandbox.requests()).filter(
      (r) => r.path === "/api/2/attributes/acquire/",
    );
    expect(acquireCalls.map((call) => call.status)).toEqual([200, 500]);

    const owned = (await sandbox.state("heavy")).filter(
      (a) => a.service?.name === "exist_ownership",
    );
    expect(owned).toHaveLength(35);
    // Every failed attribute's switch went back; every acquired one stayed on.
    for (const item of await failed.all()) {
      const label = (await item.textContent())?.split(":")[0] ?? "";
      await expect(attributeSwitch(page, label)).not.toBeChecked();
      expect(owned.some((a) => a.label === label)).toBe(false);
    }
    for (const attribute of owned)
      await expect(attributeSwitch(page, attribute.label)).toBeChecked();
    // The failed ones stay selected, ready to try again.
    await expect(page.getByText("5 selected")).toBeVisible();
  });
});

test("bulk release reports Exist's reason for an attribute that changed owner meanwhile", async ({
  signedInPage: page,
  sandbox,
}) => {
  for (const name of ["steps", "floors", "weight"]) {
    await sandbox.setOwner("demo", name, "exist_ownership");
  }
  await page.reload(); // a reload asks Exist again
  await expectHydrated(page);
  await page.getByRole("checkbox", { name: "Owned by this app" }).check();
  await page.getByRole("checkbox", { name: /^Select all shown/ }).check();
  await expect(page.getByText("3 selected")).toBeVisible();
  // The user changes Weight's owner on Exist while this page still shows the old state.
  await sandbox.setOwner("demo", "weight", "withings");

  await page.getByRole("button", { name: "Release selected" }).click();
  const confirm = dialog(page, "Release 3 attributes?");
  await expect(confirm).toContainText("Steps");
  await expect(confirm).toContainText("to Google Fit");
  await confirm.getByRole("button", { name: "Release", exact: true }).click();

  const results = page.getByRole("region", { name: "Released 2 of 3 attributes; 1 failed." });
  await expect(results.getByRole("alert")).toContainText(
    "Weight: Attribute 'weight' does not belong to this service",
  );
  await expect(page.getByRole("status").filter({ hasText: "Released 2 of 3" })).toBeVisible();
  expect((await sandboxAttribute("demo", "steps")).service?.label).toBe("Google Fit");
  expect((await sandboxAttribute("demo", "floors")).service?.label).toBe("Fitbit");
  await expect(attributeRow(page, "Weight")).toHaveCount(0); // no longer "owned by this app"
  await page.getByRole("checkbox", { name: "Owned by this app" }).uncheck();
  await expect(attributeRow(page, "Weight")).toContainText("Owned by Withings");
});
