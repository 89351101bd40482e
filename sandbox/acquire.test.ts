import { describe, expect, it } from "vitest";
import { SANDBOX_CLIENT } from "./app-client";
import type { AttributeJson } from "./attributes";
import { json, setup, type OwnershipBody } from "./test-helpers";

const ACQUIRE = "/api/2/attributes/acquire/";
const us = { name: SANDBOX_CLIENT.serviceName, label: "Exist Ownership" };

describe("POST /api/2/attributes/acquire/", () => {
  it("creates a missing attribute from its template, owned by us and active", async () => {
    const sandbox = setup();
    const { access_token } = await sandbox.token();
    expect(await sandbox.attribute("pages_read")).toBeUndefined();

    const response = await sandbox.post(ACQUIRE, access_token, [{ template: "pages_read" }]);

    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({
      success: [{ template: "pages_read", active: true }],
      failed: [],
    });
    expect(await sandbox.attribute("pages_read")).toMatchObject({
      template: "pages_read",
      label: "Pages read",
      group: { name: "media" },
      service: us,
      active: true,
      manual: false,
      available_services: [us],
    });
  });

  it("takes an existing attribute by name, reactivating it and adding us as a service", async () => {
    const sandbox = setup();
    const { access_token } = await sandbox.token();
    const response = await sandbox.post(ACQUIRE, access_token, [
      { name: "steps" },
      { name: "cycle_min", manual: true },
    ]);
    expect(response.status).toBe(200);
    const steps = await sandbox.attribute("steps");
    expect(steps?.service).toEqual(us);
    expect(steps?.available_services.map((service) => service.name)).toEqual([
      "googlefit",
      "oura",
      "withings",
      us.name,
    ]);
    expect(await sandbox.attribute("cycle_min")).toMatchObject({ active: true, manual: true });
  });

  it("fails an unknown name with not_found and an unknown template with not_found", async () => {
    const sandbox = setup();
    const { access_token } = await sandbox.token();
    const response = await sandbox.post(ACQUIRE, access_token, [
      { name: "pages_read" },
      { template: "no_such_template" },
    ]);
    expect(response.status).toBe(202);
    expect(await json(response)).toEqual({
      success: [],
      failed: [
        { name: "pages_read", error_code: "not_found", error: "Attribute 'pages_read' not found" },
        {
          template: "no_such_template",
          error_code: "not_found",
          error: "Template 'no_such_template' not found",
        },
      ],
    });
    expect(await sandbox.attribute("pages_read")).toBeUndefined();
  });

  it("fails an object with neither name nor template with missing_field and Exist's message", async () => {
    const sandbox = setup();
    const { access_token } = await sandbox.token();
    const response = await sandbox.post(ACQUIRE, access_token, [
      { name: "steps" },
      { title: "mood" },
    ]);
    expect(response.status).toBe(202);
    const body = await json<OwnershipBody>(response);
    expect(body.success).toEqual([{ name: "steps", active: true }]);
    expect(body.failed).toEqual([
      {
        title: "mood",
        error_code: "missing_field",
        error: "Object at index 1 missing field(s) 'name'",
      },
    ]);
  });

  it("answers 400 with a detail for 36 objects, a non-array body or invalid JSON", async () => {
    const sandbox = setup();
    const { access_token } = await sandbox.token();
    const tooMany = Array.from({ length: 36 }, () => ({ name: "steps" }));
    for (const body of [tooMany, { name: "steps" }, "[{not json"]) {
      const response = await sandbox.post(ACQUIRE, access_token, body);
      expect(response.status).toBe(400);
      expect(await json(response)).toEqual({ detail: expect.any(String) });
    }
    expect((await sandbox.attribute("steps"))?.service?.name).toBe("googlefit");
    const exactly35 = await sandbox.post(ACQUIRE, access_token, tooMany.slice(0, 35));
    expect(exactly35.status).toBe(200);
  });

  it("returns full attribute objects with success_objects=true", async () => {
    const sandbox = setup();
    const { access_token } = await sandbox.token();
    const response = await sandbox.post(`${ACQUIRE}?success_objects=true`, access_token, [
      { name: "mood", manual: true },
    ]);
    const body = await json<{ success: AttributeJson[] }>(response);
    expect(body.success).toEqual([await sandbox.attribute("mood")]);
    expect(body.success[0]).toMatchObject({ name: "mood", service: us, manual: true });
  });

  it("accepts allow_user_defined and acquires a user-defined attribute by name", async () => {
    const sandbox = setup();
    const { access_token } = await sandbox.token();
    const response = await sandbox.post(`${ACQUIRE}?allow_user_defined=true`, access_token, [
      { name: "pages_of_french_read" },
    ]);
    expect(response.status).toBe(200);
    expect(await sandbox.attribute("pages_of_french_read")).toMatchObject({
      template: null,
      service: us,
    });
  });

  it("needs the group's write scope, or manual_write with manual: true", async () => {
    const sandbox = setup();
    const { access_token } = await sandbox.token("demo", "mood_read activity_write manual_write");
    const response = await sandbox.post(ACQUIRE, access_token, [
      { name: "mood" },
      { name: "steps" },
      { name: "mood_note", manual: true },
    ]);
    expect(response.status).toBe(202);
    const body = await json<OwnershipBody>(response);
    expect(body.failed).toEqual([
      {
        name: "mood",
        error_code: "unauthorised",
        error: "Missing scope 'mood_write' to acquire attribute 'mood'",
      },
    ]);
    expect(body.success.map((item) => item.name)).toEqual(["steps", "mood_note"]);
    expect((await sandbox.attribute("mood"))?.service?.name).toBe("exist_ios");
    expect((await sandbox.attribute("mood_note"))?.service?.name).toBe(us.name);
  });
});
