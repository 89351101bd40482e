import { describe, expect, it } from "vitest";
import { json, setup, type OwnershipBody, type Page } from "./test-helpers";

const INCREMENT = "/api/2/attributes/increment/";
// 18:00 UTC on 30 November is 07:00 on 1 December in Auckland (NZDT, UTC+13).
const NOW = Date.parse("2026-11-30T18:00:00Z");

async function signedIn(account = "auckland", scope?: string) {
  const sandbox = setup({ now: () => NOW });
  const { access_token } = await sandbox.token(account, scope);
  const increment = async (body: unknown) => {
    const response = await sandbox.post(INCREMENT, access_token, body);
    return { status: response.status, body: await json<OwnershipBody>(response) };
  };
  const values = async (attribute: string) =>
    (
      await json<Page<{ date: string; value: unknown }>>(
        await sandbox.get(`/api/2/attributes/values/?attribute=${attribute}`, access_token),
      )
    ).results;
  return { sandbox, access_token, increment, values };
}

describe("POST /api/2/attributes/increment/", () => {
  it("adds to the person's today when no date is sent, answering the new total in `current`", async () => {
    const { increment, values } = await signedIn();
    expect(await increment([{ name: "water", value: 250 }])).toEqual({
      status: 200,
      body: { success: [{ name: "water", value: 250, current: 250 }], failed: [] },
    });
    const second = await increment([
      { name: "water", value: 100 },
      { name: "water", value: -50 },
    ]);
    expect(second.body.success.map((item) => item.current)).toEqual([350, 300]);
    // Auckland's today, not the server's (still 30 November in UTC).
    expect((await values("water"))[0]).toEqual({ date: "2026-12-01", value: 300 });
  });

  it("adds to what a dated day already holds, and echoes the date it was sent", async () => {
    const { increment, values } = await signedIn();
    const before = (await values("coffees")).find((day) => day.date === "2026-11-30")?.value;
    expect(before).toEqual(expect.any(Number));
    const { body } = await increment([{ name: "coffees", date: "2026-11-30", value: 2 }]);
    expect(body.success).toEqual([
      { name: "coffees", date: "2026-11-30", value: 2, current: (before as number) + 2 },
    ]);
  });

  it("adds decimals to floats without binary noise", async () => {
    const { increment } = await signedIn();
    await increment([{ name: "weight", value: 0.1 }]);
    const { body } = await increment([{ name: "weight", value: 0.2 }]);
    expect(body.success[0]?.current).toBe(0.3);
  });

  it("refuses strings, scales and times of day, floats on integers, and non-numbers", async () => {
    const { sandbox, increment } = await signedIn();
    const { status, body } = await increment([
      { name: "mood_note", value: 1 },
      { name: "mood", value: 1 },
      { name: "sleep_end", value: 5 },
      { name: "coffees", value: 1.5 },
      { name: "water", value: "250" },
      { name: "water" },
      { name: "water", value: 1, date: "2026-13-01" },
    ]);
    expect(status).toBe(202);
    expect(body.success).toEqual([]);
    expect(body.failed.map((item) => [item.name, item.error_code, item.error])).toEqual([
      ["mood_note", "validation", "Attribute 'mood_note' is a string and cannot be incremented"],
      ["mood", "validation", "Attribute 'mood' is a scale and cannot be incremented"],
      [
        "sleep_end",
        "validation",
        "Attribute 'sleep_end' is a time of day and cannot be incremented",
      ],
      ["coffees", "validation", "Cannot apply a float to an integer type"],
      ["water", "validation", "Cannot apply a string to an integer type"],
      ["water", "missing_field", "Object at index 5 missing field(s) 'value'"],
      ["water", "validation", "Object at index 6 has an invalid date (YYYY-MM-DD)"],
    ]);
    expect(sandbox.state.accounts.get("auckland")?.values.size).toBe(0);
  });

  it("keeps a boolean's total at 0 or 1", async () => {
    const { increment } = await signedIn();
    const { body } = await increment([
      { name: "swim", value: 1 },
      { name: "swim", value: 1 },
    ]);
    expect(body.success).toEqual([{ name: "swim", value: 1, current: 1 }]);
    expect(body.failed[0]?.error).toBe("Attribute 'swim' is a boolean: 0 or 1 only");
  });

  it("writes only what this service owns, with the write scope", async () => {
    const { increment } = await signedIn("auckland", "activity_write food_read");
    const { body } = await increment([
      { name: "steps", value: 100 },
      { name: "water", value: 100 },
    ]);
    expect(body.failed.map((item) => [item.error_code, item.error])).toEqual([
      ["unauthorised", "Attribute 'steps' does not belong to this service"],
      ["unauthorised", "Missing scope 'food_write' to write attribute 'water'"],
    ]);
  });
});
