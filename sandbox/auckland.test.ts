import { describe, expect, it } from "vitest";
import { SANDBOX_CLIENT } from "./app-client";
import { json, setup, type OwnershipBody, type Page } from "./test-helpers";

// 18:00 UTC on 30 November is 07:00 on 1 December in Auckland (NZDT, UTC+13).
const NOW = Date.parse("2026-11-30T18:00:00Z");
const OURS = ["water", "coffees", "weight", "mood", "mood_note", "sleep_end", "swim"];

type Valued = { name: string; values: Array<{ date: string; value: unknown }> };

async function signedIn(now = NOW) {
  const sandbox = setup({ now: () => now });
  const { access_token } = await sandbox.token("auckland");
  const get = async <T>(path: string) => json<T>(await sandbox.get(path, access_token));
  return { sandbox, access_token, get };
}

describe("the auckland account", () => {
  it("lives in Pacific/Auckland: its profile's local time is already tomorrow in UTC terms", async () => {
    const { get } = await signedIn();
    expect(await get<Record<string, unknown>>("/api/2/accounts/profile/")).toMatchObject({
      username: "auckland",
      first_name: "Aroha",
      last_name: "Tane",
      timezone: "Pacific/Auckland",
      local_time: "2026-12-01T07:00:00.000+13:00",
      imperial_distance: false,
    });
    const winter = await signedIn(Date.parse("2026-06-30T18:00:00Z"));
    expect((await winter.get<{ local_time: string }>("/api/2/accounts/profile/")).local_time).toBe(
      "2026-07-01T06:00:00.000+12:00",
    );
  });

  it("has seven attributes this app owns, with data up to the person's yesterday", async () => {
    const { get } = await signedIn();
    const owned = await get<Page<{ name: string; service: { name: string } }>>(
      "/api/2/attributes/owned/",
    );
    expect(owned.results.map((item) => item.name).sort()).toEqual([...OURS].sort());
    const valued = await get<Page<Valued>>(
      `/api/2/attributes/with-values/?days=2&limit=100&attributes=${OURS.join(",")},steps`,
    );
    for (const item of valued.results) {
      const dates = item.values.map(({ date }) => date);
      if (item.name === "steps") expect(dates).toEqual(["2026-12-01", "2026-11-30"]);
      else expect(dates).toEqual(["2026-11-30"]);
    }
    expect(valued.results).toHaveLength(OURS.length + 1);
  });

  it("has attributes this app can acquire: owned by other services, or inactive", async () => {
    const { sandbox, access_token } = await signedIn();
    const state = await sandbox.stateOf("auckland");
    const others = state.filter((item) => item.service?.name !== SANDBOX_CLIENT.serviceName);
    expect(others.map((item) => [item.name, item.service?.name ?? null])).toEqual([
      ["steps", "apple_health"],
      ["energy_level", "exist_ios"],
      ["sleep", "fitbit"],
      ["meditation_min", null],
      ["beach", "exist_ios"],
    ]);
    const acquired = await sandbox.post("/api/2/attributes/acquire/", access_token, [
      { name: "steps" },
      { name: "energy_level", manual: true },
      { name: "meditation_min" },
      { name: "beach" },
    ]);
    expect(acquired.status).toBe(200);
    expect((await json<OwnershipBody>(acquired)).failed).toEqual([]);
  });

  it("is offered on the consent page", async () => {
    const { sandbox } = await signedIn();
    const query = new URLSearchParams({
      response_type: "code",
      client_id: SANDBOX_CLIENT.id,
      redirect_uri: sandbox.state.client.redirectUri,
      scope: "food_read food_write",
    });
    const html = await (await sandbox.call(`/oauth2/authorize?${query}`)).text();
    expect(html).toContain('value="auckland"> auckland – Aroha Tane</label>');
  });
});
