import { describe, expect, it } from "vitest";
import { z } from "zod";
import { SANDBOX_CLIENT } from "./app-client";
import { json, ORIGIN, setup, type Page } from "./test-helpers";

// The shapes attributes.md and object_types.md show, exactly (no field more, none less).
const groupShape = z.strictObject({ name: z.string(), label: z.string(), priority: z.number() });
const serviceShape = z.strictObject({ name: z.string(), label: z.string() });
const templateShape = z.strictObject({
  name: z.string(),
  label: z.string(),
  group: groupShape,
  priority: z.number().int(),
  value_type: z.number().int().min(0).max(8),
  value_type_description: z.string(),
});
const attributeShape = templateShape.extend({
  template: z.string().nullable(),
  service: serviceShape.nullable(),
  active: z.boolean(),
  manual: z.boolean(),
  available_services: z.array(serviceShape),
});
const pageShape = <T extends z.ZodType>(item: T) =>
  z.strictObject({
    count: z.number().int().nonnegative(),
    next: z.string().nullable(),
    previous: z.string().nullable(),
    results: z.array(item),
  });

type Named = { name: string; group: { name: string; priority: number }; priority: number };
const names = (page: Page<Named>) => page.results.map((item) => item.name);

describe("GET /api/2/attributes/", () => {
  it("pages DRF-style with absolute links that keep the other query params", async () => {
    const sandbox = setup();
    const { access_token } = await sandbox.token();
    const first = await json<Page<Named>>(
      await sandbox.get("/api/2/attributes/?groups=activity,sleep&limit=3", access_token),
    );
    expect(first.results).toHaveLength(3);
    expect(first.previous).toBeNull();
    expect(first.next).toBe(`${ORIGIN}/api/2/attributes/?groups=activity%2Csleep&limit=3&page=2`);
    const second = await json<Page<Named>>(
      await sandbox.get(first.next!.slice(ORIGIN.length), access_token),
    );
    expect(second.previous).toBe(`${ORIGIN}/api/2/attributes/?groups=activity%2Csleep&limit=3`);
    expect(names(second)).not.toContain(names(first)[0]);
    expect(second.count).toBe(first.count);
  });

  it("defaults to 20 a page, caps limit at 100, and answers 404 for a page out of range", async () => {
    const sandbox = setup();
    const { access_token } = await sandbox.token("heavy");
    const get = async (query: string) =>
      sandbox.get(`/api/2/attributes/?include_inactive=true&${query}`, access_token);
    expect((await json<Page<Named>>(await get(""))).results).toHaveLength(20);
    const capped = await json<Page<Named>>(await get("limit=1000"));
    expect(capped.results).toHaveLength(100);
    expect(capped.next).toContain("limit=1000&page=2");
    const outOfRange = await get("page=999");
    expect(outOfRange.status).toBe(404);
    expect(await json(outOfRange)).toEqual({ detail: "Invalid page." });
  });

  it("lists attributes shaped as Exist documents them, in group then attribute priority order", async () => {
    const sandbox = setup();
    const { access_token } = await sandbox.token();
    const response = await sandbox.get("/api/2/attributes/?limit=100", access_token);
    const page = pageShape(attributeShape).parse(await response.json());
    const order = page.results.map((item) => [item.group.priority, item.priority]);
    expect(order).toEqual([...order].sort(([a = 0, b = 0], [c = 0, d = 0]) => a - c || b - d));
    expect(page.results.find((item) => item.name === "steps")).toEqual({
      template: "steps",
      name: "steps",
      label: "Steps",
      group: { name: "activity", label: "Activity", priority: 1 },
      service: { name: "googlefit", label: "Google Fit" },
      active: true,
      priority: 1,
      manual: false,
      value_type: 0,
      value_type_description: "Integer",
      available_services: [
        { name: "googlefit", label: "Google Fit" },
        { name: "oura", label: "Oura" },
        { name: "withings", label: "Withings" },
      ],
    });
  });

  it("hides inactive and low-priority attributes unless asked for", async () => {
    const sandbox = setup();
    const { access_token } = await sandbox.token();
    const list = async (query = "") =>
      names(
        await json<Page<Named>>(
          await sandbox.get(`/api/2/attributes/?limit=100${query}`, access_token),
        ),
      );
    expect(await list()).not.toContain("cycle_min");
    expect(await list()).not.toContain("weather_icon");
    expect(await list("&include_inactive=true")).toContain("cycle_min");
    expect(await list("&include_low_priority=true")).toContain("weather_icon");
  });

  it("applies attributes, groups, exclude_custom, manual and owned filters", async () => {
    const sandbox = setup();
    const { access_token } = await sandbox.token();
    const list = async (query: string) =>
      names(
        await json<Page<Named>>(
          await sandbox.get(`/api/2/attributes/?limit=100&${query}`, access_token),
        ),
      );
    expect(await list("attributes=steps,mood")).toEqual(["steps", "mood"]);
    expect(await list("groups=custom")).toEqual(expect.arrayContaining(["walk", "tired", "sauna"]));
    const templated = await list("exclude_custom=true");
    expect(templated).not.toContain("walk");
    expect(templated).not.toContain("pages_of_french_read");
    expect(templated).toContain("steps");
    expect(await list("groups=mood&manual=true")).toEqual([
      "mood",
      "mood_note",
      "energy_level",
      "stress_level",
    ]);
    expect(await list("groups=activity&manual=false")).toContain("steps");
    expect(await list("owned=true")).toEqual([]);
    await sandbox.post("/api/2/attributes/acquire/", access_token, [{ name: "sleep" }]);
    expect(await list("owned=true")).toEqual(["sleep"]);
    const owned = await sandbox.get("/api/2/attributes/owned/", access_token);
    expect(names(await json<Page<Named>>(owned))).toEqual(["sleep"]);
  });

  it("shows only what the read scopes cover: the group's _read, or manual with manual_read", async () => {
    const sandbox = setup();
    const { access_token } = await sandbox.token("demo", "activity_read manual_read");
    const page = await json<Page<Named & { manual: boolean }>>(
      await sandbox.get("/api/2/attributes/?limit=100", access_token),
    );
    const groups = new Set(page.results.map((item) => item.group.name));
    expect(groups.has("activity")).toBe(true);
    expect(page.results.filter((item) => item.group.name !== "activity").length).toBeGreaterThan(0);
    expect(page.results.every((item) => item.group.name === "activity" || item.manual)).toBe(true);
    const noScope = await sandbox.token("demo", "sleep_write");
    const empty = await json<Page<Named>>(
      await sandbox.get("/api/2/attributes/?groups=sleep", noScope.access_token),
    );
    expect(empty).toEqual({ count: 0, next: null, previous: null, results: [] });
  });
});

describe("seeded accounts", () => {
  it("demo covers all 16 groups with ~60 attributes and no pages_read; heavy ~600; new a handful", async () => {
    const sandbox = setup();
    const demo = await sandbox.stateOf("demo");
    expect(demo.length).toBeGreaterThanOrEqual(55);
    expect(new Set(demo.map((item) => item.group.name)).size).toBe(16); // the scopes page's groups
    expect(demo.find((item) => item.name === "pages_read")).toBeUndefined();
    expect(demo.some((item) => item.template === null && item.group.name !== "custom")).toBe(true);
    expect((await sandbox.stateOf("heavy")).length).toBe(600);
    expect((await sandbox.stateOf("new")).map((item) => item.name)).toContain("steps");
  });
});

describe("GET /api/2/attributes/templates/ and /accounts/profile/", () => {
  it("lists the template catalogue with groups, filters and low-priority hiding", async () => {
    const sandbox = setup();
    const { access_token } = await sandbox.token();
    const all = pageShape(templateShape).parse(
      await json(
        await sandbox.get(
          "/api/2/attributes/templates/?limit=100&include_low_priority=true",
          access_token,
        ),
      ),
    );
    expect(all.count).toBe(86); // every row of object_types.md's template table
    expect(all.results.find((item) => item.name === "tweets")?.group.name).toBe("social");
    expect(all.results.find((item) => item.name === "pages_read")).toMatchObject({
      label: "Pages read",
      value_type: 0,
      value_type_description: "Integer",
    });
    const media = await json<Page<Named>>(
      await sandbox.get("/api/2/attributes/templates/?groups=media&limit=2&page=2", access_token),
    );
    expect(media.results.every((item) => item.group.name === "media")).toBe(true);
    const visible = await json<Page<Named>>(
      await sandbox.get("/api/2/attributes/templates/", access_token),
    );
    expect(visible.count).toBeLessThan(all.count);
  });

  it("answers the profile with an absolute avatar URL that the sandbox serves", async () => {
    const sandbox = setup();
    const { access_token } = await sandbox.token();
    const profile = await json<Record<string, unknown>>(
      await sandbox.get("/api/2/accounts/profile/", access_token),
    );
    expect(profile).toMatchObject({
      username: "demo",
      first_name: "Demo",
      avatar: `${ORIGIN}/avatars/demo.svg`,
      timezone: "Europe/London",
      imperial_distance: false,
      trial: false,
      delinquent: false,
    });
    expect(profile.local_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/);
    const avatar = await sandbox.call("/avatars/demo.svg");
    expect(avatar.headers.get("Content-Type")).toBe("image/svg+xml");
    expect(await avatar.text()).toContain("<svg");
    expect(SANDBOX_CLIENT.name).toBe("Exist Ownership");
  });
});
