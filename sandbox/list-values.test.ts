import { describe, expect, it } from "vitest";
import { json, ORIGIN, setup, type Page } from "./test-helpers";
import { addDays } from "./values";

const VALUES = "/api/2/attributes/values/";
const NOW = Date.parse("2026-11-30T12:00:00Z");

type Day = { date: string; value: unknown };

async function signedIn(account = "demo", scope?: string) {
  const sandbox = setup({ now: () => NOW });
  const { access_token } = await sandbox.token(account, scope);
  const get = (query: string) => sandbox.get(`${VALUES}?${query}`, access_token);
  const page = async (query: string) => json<Page<Day>>(await get(query));
  return { sandbox, access_token, get, page };
}

const isNewestFirst = (days: Day[]) => {
  const dates = days.map(({ date }) => date);
  return dates.join() === [...dates].sort().reverse().join();
};

describe("GET /api/2/attributes/values/", () => {
  it("pages one attribute's values newest first, 20 a page, with DRF links", async () => {
    const { page } = await signedIn();
    const first = await page("attribute=steps");
    expect(first.results).toHaveLength(20);
    expect(first.results[0]?.date).toBe("2026-11-30");
    expect(isNewestFirst(first.results)).toBe(true);
    expect(first.results.every(({ value }) => typeof value === "number")).toBe(true);
    expect(first.previous).toBeNull();
    expect(first.next).toBe(`${ORIGIN}${VALUES}?attribute=steps&page=2`);
    const second = await page("attribute=steps&page=2");
    expect(second.count).toBe(first.count);
    expect(second.results.at(0)!.date < first.results.at(-1)!.date).toBe(true);
  });

  it("ends at date_max, inclusive, and refuses a date_max that is not a date", async () => {
    const { get, page } = await signedIn();
    const capped = await page("attribute=steps&date_max=2026-11-20&limit=5");
    expect(capped.results.every(({ date }) => date <= "2026-11-20")).toBe(true);
    expect(capped.results[0]?.date).toMatch(/^2026-11-(20|19)$/);
    expect(isNewestFirst(capped.results)).toBe(true);
    const bad = await get("attribute=steps&date_max=2026-11-31");
    expect(bad.status).toBe(400);
    expect(await json(bad)).toEqual({
      detail: "date_max must be a date in the format YYYY-MM-DD.",
    });
  });

  it("takes at most 100 a page, and lists written values of any date", async () => {
    const { sandbox, access_token, page } = await signedIn();
    await sandbox.post("/api/2/attributes/acquire/", access_token, [{ name: "coffees" }]);
    for (let batch = 0; batch < 3; batch += 1) {
      const days = Array.from({ length: 35 }, (_, index) => ({
        name: "coffees",
        date: addDays("2025-01-01", batch * 35 + index),
        value: 1,
      }));
      await sandbox.post("/api/2/attributes/update/", access_token, days);
    }
    const all = await page("attribute=coffees&limit=1000");
    expect(all.results).toHaveLength(100);
    expect(all.count).toBeGreaterThan(105);
    expect(all.next).toContain("limit=1000&page=2");
    const last = await page("attribute=coffees&limit=100&page=2");
    expect(last.results.at(-1)).toEqual({ date: "2025-01-01", value: 1 });
  });

  it("needs `attribute`, and answers 404 for one that is missing or outside the read scopes", async () => {
    const { get } = await signedIn("demo", "activity_read");
    const missing = await get("limit=5");
    expect(missing.status).toBe(400);
    expect(await json(missing)).toEqual({ detail: "The 'attribute' parameter is required." });
    expect((await get("attribute=nope")).status).toBe(404);
    expect((await get("attribute=sleep")).status).toBe(404);
    expect((await get("attribute=steps")).status).toBe(200);
  });
});
