import { describe, expect, it } from "vitest";
import { json, setup, type Page } from "./test-helpers";

const WITH_VALUES = "/api/2/attributes/with-values/";
// Noon in London and Chicago alike is the same local date: 2026-11-30.
const NOW = Date.parse("2026-11-30T18:00:00Z");

type Valued = {
  name: string;
  value_type: number;
  service: { name: string } | null;
  available_services?: unknown;
  values: Array<{ date: string; value: unknown }>;
};

async function withValues(query: string, account = "demo", scope?: string) {
  const sandbox = setup({ now: () => NOW });
  const { access_token } = await sandbox.token(account, scope);
  const response = await sandbox.get(`${WITH_VALUES}?${query}`, access_token);
  return { sandbox, access_token, response, body: await json<Page<Valued>>(response) };
}

describe("GET /api/2/attributes/with-values/", () => {
  it("pages active attributes with up to 31 days, newest first, leaving out empty days (live shape)", async () => {
    const { body } = await withValues("days=40&limit=100");
    expect(body.count).toBeGreaterThan(40);
    const steps = body.results.find((item) => item.name === "steps");
    expect(steps?.values.length).toBeGreaterThan(20);
    expect(steps?.values.length).toBeLessThanOrEqual(31);
    expect(steps?.values[0]?.date).toBe("2026-11-30");
    expect(steps?.values.every(({ value }) => typeof value === "number")).toBe(true);
    const dates = steps?.values.map(({ date }) => date) ?? [];
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(steps).not.toHaveProperty("available_services");
    expect(body.results.some((item) => item.name === "steps_elevation")).toBe(false); // inactive
  });

  it("is deterministic, and stalled attributes stop days before today", async () => {
    const first = await withValues("days=14&attributes=floors,steps");
    const second = await withValues("days=14&attributes=floors,steps");
    expect(first.body.results).toEqual(second.body.results);
    const floors = first.body.results.find((item) => item.name === "floors");
    expect(floors?.values[0]?.date).toBe("2026-11-25"); // stalledDays: 5
  });

  it("answers as the docs say for the imperial account: every day, null where empty", async () => {
    const { body } = await withValues("days=14&limit=100", "imperial");
    for (const item of body.results) expect(item.values).toHaveLength(14);
    const water = body.results.find((item) => item.name === "water");
    expect(water?.service?.name).toBe("exist_ownership");
    expect(water?.values.slice(0, 6).every(({ value }) => value === null)).toBe(true);
    expect(water?.values[6]?.value).toEqual(expect.any(Number));
    const types = new Set(body.results.map((item) => item.value_type));
    expect([...types].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("filters by groups, templates, manual, date_max and read scopes", async () => {
    const groups = await withValues("groups=mood&days=1");
    expect(groups.body.results.map((item) => item.name)).toEqual([
      "mood",
      "mood_note",
      "energy_level",
      "stress_level",
    ]);
    const templates = await withValues("templates=steps,sleep");
    expect(templates.body.results.map((item) => item.name)).toEqual(["steps", "sleep"]);
    const dated = await withValues("attributes=steps&days=2&date_max=2026-11-10");
    expect(dated.body.results[0]?.values.map(({ date }) => date)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^2026-11-(10|09)$/)]),
    );
    const scoped = await withValues("limit=100", "demo", "mood_read");
    expect(new Set(scoped.body.results.map((item) => item.name))).toEqual(
      new Set(["mood", "mood_note", "energy_level", "stress_level"]),
    );
    const paged = await withValues("limit=5&page=2");
    expect(paged.body.results).toHaveLength(5);
    expect(paged.body.previous).toMatch(/with-values\/\?limit=5$/);
  });

  it("shows what update/ wrote, and nothing seeded after this app acquired an attribute", async () => {
    const { sandbox, access_token } = await withValues("days=1");
    await sandbox.post("/api/2/attributes/acquire/", access_token, [{ name: "steps" }]);
    const before = await sandbox.get(`${WITH_VALUES}?attributes=steps&days=3`, access_token);
    const acquired = (await json<Page<Valued>>(before)).results[0];
    expect(acquired?.values.map(({ date }) => date)).not.toContain("2026-11-30");
    await sandbox.post("/api/2/attributes/update/", access_token, [
      { name: "steps", date: "2026-11-30", value: 4321 },
    ]);
    const after = await sandbox.get(`${WITH_VALUES}?attributes=steps&days=1`, access_token);
    expect((await json<Page<Valued>>(after)).results[0]?.values).toEqual([
      { date: "2026-11-30", value: 4321 },
    ]);
  });
});

describe("GET /api/2/accounts/profile/", () => {
  it("carries imperial flags and the timezone", async () => {
    const sandbox = setup({ now: () => NOW });
    const { access_token } = await sandbox.token("imperial");
    const profile = await json<Record<string, unknown>>(
      await sandbox.get("/api/2/accounts/profile/", access_token),
    );
    expect(profile).toMatchObject({
      timezone: "America/Chicago",
      imperial_distance: true,
      imperial_weight: true,
      imperial_temperature: true,
    });
  });
});

describe("GET /account/attributes/ (Exist's own page)", () => {
  it("asks for an account, then lists it with an owner picker that changes the owner", async () => {
    const sandbox = setup();
    const empty = await (await sandbox.call("/account/attributes/")).text();
    expect(empty).toContain('name="account"');
    const page = await sandbox.call("/account/attributes/?account=demo");
    expect(page.headers.get("set-cookie")).toMatch(/^sandbox_account=demo/);
    const html = await page.text();
    expect(html).toContain('aria-label="Owner of Steps"');
    const changed = await sandbox.call("/account/attributes/", {
      method: "POST",
      body: new URLSearchParams({ account: "demo", attribute: "steps", service: "oura" }),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(changed.status).toBe(303);
    expect((await sandbox.attribute("steps"))?.service?.name).toBe("oura");
    const refused = await sandbox.call("/account/attributes/", {
      method: "POST",
      body: new URLSearchParams({ account: "demo", attribute: "steps", service: "github" }),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(refused.status).toBe(400);
    expect((await sandbox.attribute("steps"))?.service?.name).toBe("oura");
  });
});
