import { describe, expect, it } from "vitest";
import { json, setup, type OwnershipBody, type Page } from "./test-helpers";
import { addDays } from "./values";

const UPDATE = "/api/2/attributes/update/";
const INCREMENT = "/api/2/attributes/increment/";
const CREATE = "/api/2/attributes/create/";
const ACQUIRE = "/api/2/attributes/acquire/";
// 18:00 UTC on 30 November: still the 30th in London, already 1 December in Auckland.
const NOW = Date.parse("2026-11-30T18:00:00Z");

type Valued = { name: string; values: Array<{ date: string; value: unknown }> };

async function signedIn(account = "demo", scope?: string) {
  const sandbox = setup({ now: () => NOW });
  const { access_token } = await sandbox.token(account, scope);
  const post = async (path: string, body: unknown) => {
    const response = await sandbox.post(path, access_token, body);
    return { status: response.status, body: await json<OwnershipBody>(response) };
  };
  const withValues = async (query: string) =>
    json<Page<Valued>>(await sandbox.get(`/api/2/attributes/with-values/?${query}`, access_token));
  return { sandbox, access_token, post, withValues };
}

const failures = (body: OwnershipBody) =>
  body.failed.map((item) => [item.name, item.error_code, item.error]);

describe("the write endpoints' object lists", () => {
  it("take at most 35 objects and only a JSON array, else 400 with a detail", async () => {
    const { sandbox, access_token } = await signedIn("auckland");
    for (const path of [UPDATE, INCREMENT, CREATE, ACQUIRE, "/api/2/attributes/release/"]) {
      const many = Array.from({ length: 36 }, () => ({ name: "water", value: 1 }));
      const tooMany = await sandbox.post(path, access_token, many);
      expect(tooMany.status).toBe(400);
      expect(await json(tooMany)).toEqual({
        detail: "Ensure this list has no more than 35 objects (got 36).",
      });
      const notAList = await sandbox.post(path, access_token, { name: "water", value: 1 });
      expect(notAList.status).toBe(400);
      expect(await json(notAList)).toEqual({
        detail: 'Expected a list of items but got type "dict".',
      });
    }
    const exactly35 = Array.from({ length: 35 }, (_, day) => ({
      name: "water",
      date: addDays("2026-10-01", day),
      value: 500,
    }));
    const accepted = await sandbox.post(UPDATE, access_token, exactly35);
    expect(accepted.status).toBe(200);
    expect((await json<OwnershipBody>(accepted)).success).toHaveLength(35);
  });
});

describe("POST /api/2/attributes/update/", () => {
  it("writes values of owned attributes and fails the rest with Exist's error codes", async () => {
    const { sandbox, post } = await signedIn();
    await post(ACQUIRE, [{ name: "mood" }]);
    const { status, body } = await post(UPDATE, [
      { name: "mood", date: "2026-11-27", value: 7 },
      { name: "mood", date: "2026-11-27" },
      { name: "steps", date: "2026-11-27", value: 100 },
      { name: "mood", date: "2026-11-27", value: 7.5 },
      { name: "nope", date: "2026-11-27", value: 1 },
    ]);
    expect(status).toBe(202);
    expect(body.success).toEqual([{ name: "mood", date: "2026-11-27", value: 7 }]);
    expect(failures(body)).toEqual([
      ["mood", "missing_field", "Object at index 1 missing field(s) 'value'"],
      ["steps", "unauthorised", "Attribute 'steps' does not belong to this service"],
      ["mood", "validation", "Cannot apply a float to an integer type"],
      ["nope", "not_found", "Attribute 'nope' not found"],
    ]);
    expect(sandbox.state.accounts.get("demo")?.values.get("mood/2026-11-27")).toBe(7);
  });

  it("refuses once another service has taken the attribute over", async () => {
    const { sandbox, post } = await signedIn();
    await post(ACQUIRE, [{ name: "steps" }]);
    expect((await post(UPDATE, [{ name: "steps", date: "2026-11-30", value: 5 }])).status).toBe(
      200,
    );
    await sandbox.control("/__sandbox/owner", {
      account: "demo",
      attribute: "steps",
      service: "oura",
    });
    const { status, body } = await post(UPDATE, [{ name: "steps", date: "2026-11-30", value: 6 }]);
    expect(status).toBe(202);
    expect(failures(body)).toEqual([
      ["steps", "unauthorised", "Attribute 'steps' does not belong to this service"],
    ]);
  });

  it("needs the group's write scope, or manual_write for a manual attribute", async () => {
    const { sandbox, post } = await signedIn("auckland", "food_read manual_write");
    const { status, body } = await post(UPDATE, [
      { name: "water", date: "2026-12-01", value: 900 },
      { name: "mood", date: "2026-12-01", value: 6 },
    ]);
    expect(status).toBe(202);
    expect(body.success).toEqual([{ name: "mood", date: "2026-12-01", value: 6 }]);
    expect(failures(body)).toEqual([
      ["water", "unauthorised", "Missing scope 'food_write' to write attribute 'water'"],
    ]);
    expect(sandbox.state.accounts.get("auckland")?.values.has("water/2026-12-01")).toBe(false);
  });

  it("checks values broadly by type: each value type takes its kind and refuses others", async () => {
    const { sandbox, post } = await signedIn("auckland");
    const date = "2026-12-01";
    const { body } = await post(UPDATE, [
      { name: "water", date, value: 1250 },
      { name: "water", date, value: "1250" },
      { name: "coffees", date, value: 2.5 },
      { name: "weight", date, value: 71.4 },
      { name: "weight", date, value: true },
      { name: "mood_note", date, value: "Swam at Takapuna" },
      { name: "mood_note", date, value: 5 },
      { name: "mood_note", date, value: "x".repeat(1001) },
      { name: "sleep_end", date, value: 420 },
      { name: "swim", date, value: true },
      { name: "swim", date, value: 2 },
      { name: "mood", date, value: 12 },
    ]);
    expect(body.success.map((item) => [item.name, item.value])).toEqual([
      ["water", 1250],
      ["weight", 71.4],
      ["mood_note", "Swam at Takapuna"],
      ["sleep_end", 420],
      ["swim", true],
      // Only the type is checked, as Exist warns: a scale of 12 is an integer.
      ["mood", 12],
    ]);
    expect(failures(body)).toEqual([
      ["water", "validation", "Cannot apply a string to an integer type"],
      ["coffees", "validation", "Cannot apply a float to an integer type"],
      ["weight", "validation", "Cannot apply a boolean to a float type"],
      ["mood_note", "validation", "Cannot apply an integer to a string type"],
      [
        "mood_note",
        "validation",
        "String value for attribute 'mood_note' is longer than 1000 characters",
      ],
      ["swim", "validation", "Cannot apply an integer to a boolean type"],
    ]);
    // Booleans sent as true are kept, and read back, as 1.
    expect(sandbox.state.accounts.get("auckland")?.values.get(`swim/${date}`)).toBe(1);
  });

  it("takes only real YYYY-MM-DD dates", async () => {
    const { post } = await signedIn("auckland");
    const { status, body } = await post(
      UPDATE,
      ["2026-02-30", "2026-2-03", "01/12/2026", "2026-12-01T00:00", 20261201].map((date) => ({
        name: "water",
        date,
        value: 1,
      })),
    );
    expect(status).toBe(202);
    expect(body.success).toEqual([]);
    expect(body.failed.map((item) => item.error_code)).toEqual(Array(5).fill("validation"));
    expect(body.failed[0]?.error).toBe("Object at index 0 has an invalid date (YYYY-MM-DD)");
  });

  it("never sets a value back to null; null on a day without data changes nothing", async () => {
    const { sandbox, post, withValues } = await signedIn("auckland");
    const values = sandbox.state.accounts.get("auckland")?.values;
    // Yesterday (30 November in Auckland) has a seeded value; today has none yet.
    const seeded = await post(UPDATE, [{ name: "water", date: "2026-11-30", value: null }]);
    expect(seeded.status).toBe(202);
    expect(failures(seeded.body)).toEqual([
      [
        "water",
        "validation",
        "Attribute 'water' has a value on 2026-11-30; it cannot be set back to null",
      ],
    ]);
    const empty = await post(UPDATE, [{ name: "water", date: "2026-12-01", value: null }]);
    expect(empty).toEqual({
      status: 200,
      body: { success: [{ name: "water", date: "2026-12-01", value: null }], failed: [] },
    });
    expect(values?.has("water/2026-12-01")).toBe(false);
    await post(UPDATE, [{ name: "water", date: "2026-12-01", value: 0 }]);
    const again = await post(UPDATE, [{ name: "water", date: "2026-12-01", value: null }]);
    expect(again.status).toBe(202);
    const today = (await withValues("attributes=water&days=1")).results[0]?.values;
    expect(today).toEqual([{ date: "2026-12-01", value: 0 }]);
  });

  it("shows what it wrote in with-values/ and values/, the last write winning", async () => {
    const { sandbox, access_token, post, withValues } = await signedIn("auckland");
    await post(UPDATE, [
      { name: "water", date: "2026-12-01", value: 600 },
      { name: "water", date: "2026-12-01", value: 750 },
      { name: "water", date: "2026-11-29", value: 1800 },
    ]);
    const listed = (await withValues("attributes=water&days=3")).results[0]?.values;
    expect(listed?.[0]).toEqual({ date: "2026-12-01", value: 750 });
    expect(listed).toContainEqual({ date: "2026-11-29", value: 1800 });
    const values = await json<Page<{ date: string; value: unknown }>>(
      await sandbox.get("/api/2/attributes/values/?attribute=water&limit=3", access_token),
    );
    expect(values.results.slice(0, 1)).toEqual([{ date: "2026-12-01", value: 750 }]);
    expect(values.results).toContainEqual({ date: "2026-11-29", value: 1800 });
  });
});
