import { describe, expect, it } from "vitest";
import { nameFromLabel } from "./create";
import { json, setup, type OwnershipBody, type Page } from "./test-helpers";

const CREATE = "/api/2/attributes/create/";
const us = { name: "exist_ownership", label: "Exist Ownership" };

async function signedIn(account = "demo", scope?: string) {
  const sandbox = setup({ now: () => Date.parse("2026-11-30T12:00:00Z") });
  const { access_token } = await sandbox.token(account, scope);
  const create = async (body: unknown, query = "") => {
    const response = await sandbox.post(`${CREATE}${query}`, access_token, body);
    return { status: response.status, body: await json<OwnershipBody>(response) };
  };
  return { sandbox, access_token, create };
}

const failures = (body: OwnershipBody) => body.failed.map((item) => [item.error_code, item.error]);

describe("POST /api/2/attributes/create/", () => {
  it("creates a custom attribute named from its label, owned by this client", async () => {
    const { sandbox, create } = await signedIn();
    const sent = { label: "Time reading", group: "media", value_type: 3, manual: false };
    expect(await create([sent])).toEqual({
      status: 200,
      body: { success: [{ ...sent, name: "time_reading", priority: 9 }], failed: [] },
    });
    expect(await sandbox.attribute("time_reading")).toEqual({
      template: null,
      name: "time_reading",
      label: "Time reading",
      group: { name: "media", label: "Media", priority: 11 },
      service: us,
      active: true,
      priority: 9,
      manual: false,
      value_type: 3,
      value_type_description: "Period (min)",
      available_services: [],
    });
  });

  it("derives ASCII names: lower case, accents dropped, anything else an underscore", () => {
    expect(nameFromLabel("Time reading")).toBe("time_reading");
    expect(nameFromLabel("  Café visits — weekly! ")).toBe("cafe_visits_weekly");
    expect(nameFromLabel("🌊 Swim")).toBe("swim");
    expect(nameFromLabel("🌊")).toBe("");
  });

  it("answers full attribute objects with success_objects, and creates from templates", async () => {
    const { create } = await signedIn();
    const { status, body } = await create(
      [{ template: "pages_read" }, { label: "Glasses of wine", group: "food", value_type: 0 }],
      "?success_objects=true",
    );
    expect(status).toBe(200);
    expect(body.success).toMatchObject([
      { template: "pages_read", name: "pages_read", service: us, manual: true, value_type: 0 },
      { template: null, name: "glasses_of_wine", group: { name: "food" }, manual: true },
    ]);
  });

  it("allows only booleans in the custom group, and no minutes-from-midday type", async () => {
    const { create } = await signedIn();
    const { status, body } = await create([
      { label: "Sunny", group: "custom", value_type: 0 },
      { label: "Nap start", group: "sleep", value_type: 6 },
      { label: "Cold plunge", group: "custom", value_type: 7 },
    ]);
    expect(status).toBe(202);
    expect(body.success.map((item) => item.name)).toEqual(["cold_plunge"]);
    expect(failures(body)).toEqual([
      ["validation", "Attributes in the custom group must be booleans (value type 7)"],
      ["validation", "Value type 6 is reserved for attribute templates"],
    ]);
  });

  it("fails on a name the user already has, even one made earlier in the same call", async () => {
    const { create } = await signedIn();
    const { body } = await create([
      { label: "Time reading", group: "media", value_type: 3 },
      { label: "time  READING", group: "media", value_type: 3 },
      { label: "Steps", group: "activity", value_type: 0 },
      { template: "steps" },
    ]);
    expect(body.success.map((item) => item.name)).toEqual(["time_reading"]);
    expect(failures(body)).toEqual([
      ["exists", "Attribute 'time_reading' already exists"],
      ["exists", "Attribute 'steps' already exists"],
      ["exists", "Attribute 'steps' already exists"],
    ]);
  });

  it("refuses unknown templates and groups, bad value types and missing fields", async () => {
    const { create } = await signedIn();
    const { body } = await create([
      { template: "nope" },
      { label: "Thing", group: "hobbies", value_type: 0 },
      { label: "Thing", group: "media", value_type: 9 },
      { label: "Thing" },
      { label: "🌊", group: "media", value_type: 0 },
      { label: "Thing", group: "media", value_type: 0, manual: "yes" },
    ]);
    expect(body.success).toEqual([]);
    expect(failures(body)).toEqual([
      ["not_found", "Template 'nope' not found"],
      ["validation", "Group 'hobbies' does not exist"],
      ["validation", "Value type '9' does not exist"],
      ["missing_field", "Object at index 3 missing field(s) 'group', 'value_type'"],
      ["validation", "Label '🌊' has no letters or digits to make a name from"],
      ["validation", "Object at index 5 field 'manual' must be a boolean"],
    ]);
  });

  it("needs the group's write scope, or manual_write for a manual attribute (the default)", async () => {
    const { create } = await signedIn("demo", "media_write manual_write");
    const { body } = await create([
      { label: "Pages of Spanish read", group: "media", value_type: 0, manual: false },
      { label: "Kettle boils", group: "food", value_type: 0 },
      { label: "Fridge opens", group: "food", value_type: 0, manual: false },
    ]);
    expect(body.success.map((item) => item.name)).toEqual([
      "pages_of_spanish_read",
      "kettle_boils",
    ]);
    expect(failures(body)).toEqual([
      ["unauthorised", "Missing scope 'food_write' to create attribute 'fridge_opens'"],
    ]);
  });

  it("starts with no values, and shows what is then written", async () => {
    const { sandbox, access_token, create } = await signedIn();
    await create([{ label: "Cold plunge", group: "custom", value_type: 7 }]);
    const read = async () =>
      json<Page<{ name: string; values: unknown[] }>>(
        await sandbox.get(
          "/api/2/attributes/with-values/?attributes=cold_plunge&days=31",
          access_token,
        ),
      );
    expect((await read()).results).toEqual([expect.objectContaining({ values: [] })]);
    await sandbox.post("/api/2/attributes/update/", access_token, [
      { name: "cold_plunge", date: "2026-11-30", value: true },
    ]);
    expect((await read()).results[0]?.values).toEqual([{ date: "2026-11-30", value: 1 }]);
  });
});
