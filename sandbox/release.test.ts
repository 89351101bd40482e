import { describe, expect, it } from "vitest";
import type { AttributeJson } from "./attributes";
import { json, setup, type OwnershipBody } from "./test-helpers";

const ACQUIRE = "/api/2/attributes/acquire/";
const RELEASE = "/api/2/attributes/release/";

async function owningSandbox(names: string[]) {
  const sandbox = setup();
  const { access_token } = await sandbox.token();
  const acquired = await sandbox.post(
    ACQUIRE,
    access_token,
    names.map((name) => ({ name })),
  );
  expect(acquired.status).toBe(200);
  return { sandbox, accessToken: access_token };
}

describe("POST /api/2/attributes/release/", () => {
  it("hands ownership to the first other available service, keeping it active", async () => {
    const { sandbox, accessToken } = await owningSandbox(["steps"]);
    const response = await sandbox.post(RELEASE, accessToken, [{ name: "steps" }]);
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({ success: [{ name: "steps" }], failed: [] });
    expect(await sandbox.attribute("steps")).toMatchObject({
      service: { name: "googlefit", label: "Google Fit" },
      active: true,
    });
  });

  it("leaves an attribute no other service can supply inactive with no owner", async () => {
    const { sandbox, accessToken } = await owningSandbox(["cycle_min"]);
    const response = await sandbox.post(RELEASE, accessToken, [{ name: "cycle_min" }]);
    expect(response.status).toBe(200);
    expect(await sandbox.attribute("cycle_min")).toMatchObject({ service: null, active: false });
  });

  it("refuses what this client does not own with unauthorised and Exist's message", async () => {
    const { sandbox, accessToken } = await owningSandbox(["steps"]);
    const response = await sandbox.post(RELEASE, accessToken, [
      { name: "steps" },
      { name: "mood" },
    ]);
    expect(response.status).toBe(202);
    expect(await json(response)).toEqual({
      success: [{ name: "steps" }],
      failed: [
        {
          name: "mood",
          error_code: "unauthorised",
          error: "Attribute 'mood' does not belong to this service",
        },
      ],
    });
    expect((await sandbox.attribute("mood"))?.service?.name).toBe("exist_ios");
  });

  it("fails unknown names with not_found and nameless objects with missing_field", async () => {
    const { sandbox, accessToken } = await owningSandbox([]);
    const response = await sandbox.post(RELEASE, accessToken, [{ name: "nope" }, {}]);
    expect(response.status).toBe(202);
    expect((await json<OwnershipBody>(response)).failed).toEqual([
      { name: "nope", error_code: "not_found", error: "Attribute 'nope' not found" },
      { error_code: "missing_field", error: "Object at index 1 missing field(s) 'name'" },
    ]);
  });

  it("keeps the body rules: 36 objects or a non-array body → 400", async () => {
    const { sandbox, accessToken } = await owningSandbox([]);
    const tooMany = Array.from({ length: 36 }, () => ({ name: "steps" }));
    expect((await sandbox.post(RELEASE, accessToken, tooMany)).status).toBe(400);
    const notArray = await sandbox.post(RELEASE, accessToken, { name: "steps" });
    expect(notArray.status).toBe(400);
    expect(await json(notArray)).toEqual({ detail: expect.stringContaining("list") });
  });

  it("returns full objects with success_objects=true", async () => {
    const { sandbox, accessToken } = await owningSandbox(["weight"]);
    const response = await sandbox.post(`${RELEASE}?success_objects=true`, accessToken, [
      { name: "weight" },
    ]);
    const body = await json<{ success: AttributeJson[] }>(response);
    expect(body.success[0]).toMatchObject({ name: "weight", service: { name: "withings" } });
  });
});
