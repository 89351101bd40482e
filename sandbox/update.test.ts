import { describe, expect, it } from "vitest";
import { json, setup, type OwnershipBody } from "./test-helpers";

const UPDATE = "/api/2/attributes/update/";

describe("POST /api/2/attributes/update/", () => {
  it("writes values of owned attributes and fails the rest with Exist's error codes", async () => {
    const sandbox = setup();
    const { access_token } = await sandbox.token();
    await sandbox.post("/api/2/attributes/acquire/", access_token, [{ name: "mood" }]);
    const response = await sandbox.post(UPDATE, access_token, [
      { name: "mood", date: "2026-11-27", value: 7 },
      { name: "mood", date: "2026-11-27" },
      { name: "steps", date: "2026-11-27", value: 100 },
      { name: "mood", date: "2026-11-27", value: 12 },
      { name: "nope", date: "2026-11-27", value: 1 },
    ]);
    expect(response.status).toBe(202);
    const body = await json<OwnershipBody>(response);
    expect(body.success).toEqual([{ name: "mood", date: "2026-11-27", value: 7 }]);
    expect(body.failed.map((item) => [item.error_code, item.error])).toEqual([
      ["missing_field", "Object at index 1 missing field(s) 'value'"],
      ["unauthorised", "Attribute 'steps' does not belong to this service"],
      ["invalid_value", "Invalid value for attribute 'mood'"],
      ["not_found", "Attribute 'nope' not found"],
    ]);
    expect(sandbox.state.accounts.get("demo")?.values.get("mood/2026-11-27")).toBe(7);
  });
});
