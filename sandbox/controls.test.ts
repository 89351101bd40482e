import { describe, expect, it } from "vitest";
import { ALL_SCOPES } from "./scopes";
import { json, setup } from "./test-helpers";

const ATTRIBUTES = "/api/2/attributes/";
const ACQUIRE = "/api/2/attributes/acquire/";
const UPDATE = "/api/2/attributes/update/";

describe("/__sandbox/faults", () => {
  it("answers with the fault's status for `times` requests, then behaves normally", async () => {
    const sandbox = setup();
    const { access_token } = await sandbox.token();
    const added = await sandbox.control("/__sandbox/faults", {
      path: ATTRIBUTES,
      status: 503,
      times: 2,
    });
    expect(added.status).toBe(200);
    expect((await sandbox.get(ATTRIBUTES, access_token)).status).toBe(503);
    expect((await sandbox.get(ATTRIBUTES, access_token)).status).toBe(503);
    expect((await sandbox.get(ATTRIBUTES, access_token)).status).toBe(200);
    const log = await json<Array<{ status: number }>>(await sandbox.call("/__sandbox/requests"));
    expect(log.map((request) => request.status)).toEqual([503, 503, 200]);
  });

  it("matches the pathname exactly and answers with a raw body and headers", async () => {
    const sandbox = setup();
    const { access_token } = await sandbox.token();
    await sandbox.control("/__sandbox/faults", {
      path: ATTRIBUTES,
      status: 429,
      body: "{not json",
      headers: { "Retry-After": "7" },
    });
    expect((await sandbox.get("/api/2/attributes/owned/", access_token)).status).toBe(200);
    const faulted = await sandbox.get(`${ATTRIBUTES}?page=1`, access_token);
    expect(faulted.status).toBe(429);
    expect(faulted.headers.get("Retry-After")).toBe("7");
    expect(await faulted.text()).toBe("{not json");
  });

  it("with only delayMs, waits and then answers normally", async () => {
    const sandbox = setup();
    const { access_token } = await sandbox.token();
    await sandbox.control("/__sandbox/faults", { path: ATTRIBUTES, delayMs: 120 });
    const started = Date.now();
    const response = await sandbox.get(ATTRIBUTES, access_token);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    expect(response.status).toBe(200);
    expect((await json<{ count: number }>(response)).count).toBeGreaterThan(0);
  });

  it("DELETE clears every fault", async () => {
    const sandbox = setup();
    const { access_token } = await sandbox.token();
    await sandbox.control("/__sandbox/faults", { path: ATTRIBUTES, status: 500, times: 5 });
    await sandbox.control("/__sandbox/faults", undefined, "DELETE");
    expect((await sandbox.get(ATTRIBUTES, access_token)).status).toBe(200);
  });

  it("rejects a malformed fault with 400", async () => {
    const sandbox = setup();
    const response = await sandbox.control("/__sandbox/faults", { status: 500 });
    expect(response.status).toBe(400);
    expect(await json(response)).toEqual({ detail: expect.stringContaining("path") });
  });
});

describe("/__sandbox/requests", () => {
  it("logs API and OAuth calls oldest first with the raw query, but not control calls", async () => {
    const sandbox = setup();
    const { access_token } = await sandbox.token();
    await sandbox.get(`${ATTRIBUTES}?groups=mood,sleep&limit=5`, access_token);
    await sandbox.get("/api/2/attributes/owned/", "bad-token");
    await sandbox.call("/oauth2/authorize?client_id=x");
    const log = await json(await sandbox.call("/__sandbox/requests"));
    expect(log).toEqual([
      { method: "GET", path: ATTRIBUTES, query: "groups=mood,sleep&limit=5", status: 200 },
      { method: "GET", path: "/api/2/attributes/owned/", query: "", status: 401 },
      { method: "GET", path: "/oauth2/authorize", query: "client_id=x", status: 400 },
    ]);
    await sandbox.control("/__sandbox/requests", undefined, "DELETE");
    expect(await json(await sandbox.call("/__sandbox/requests"))).toEqual([]);
  });

  it("counts the objects of every API POST with a JSON array body, and filters by path", async () => {
    const sandbox = setup();
    const { access_token } = await sandbox.token();
    await sandbox.post(ACQUIRE, access_token, [{ name: "mood" }, { name: "sleep" }]);
    await sandbox.post(UPDATE, access_token, [{ name: "mood", date: "2026-11-30", value: 5 }]);
    await sandbox.post(UPDATE, access_token, { name: "mood" });
    await sandbox.post(UPDATE, access_token, "{not json");
    await sandbox.post(UPDATE, access_token, Array(36).fill({ name: "mood" }));
    await sandbox.get(ATTRIBUTES, access_token);
    const updates = await json(await sandbox.call(`/__sandbox/requests?path=${UPDATE}`));
    expect(updates).toEqual([
      { method: "POST", path: UPDATE, query: "", status: 200, objects: 1 },
      { method: "POST", path: UPDATE, query: "", status: 400 },
      { method: "POST", path: UPDATE, query: "", status: 400 },
      { method: "POST", path: UPDATE, query: "", status: 400, objects: 36 },
    ]);
    const log = await json<Array<{ path: string; objects?: number }>>(
      await sandbox.call("/__sandbox/requests"),
    );
    expect(log.map((request) => request.objects)).toEqual([
      2,
      1,
      undefined,
      undefined,
      36,
      undefined,
    ]);
  });

  it("adds each call's arrival time with ?times=1, from the sandbox's clock", async () => {
    let clock = Date.UTC(2031, 2, 4, 10, 0, 9, 900);
    const sandbox = setup({ now: () => clock });
    const { access_token } = await sandbox.token();
    await sandbox.post(UPDATE, access_token, [{ name: "mood", date: "2026-11-30", value: 5 }]);
    clock += 200;
    await sandbox.get(ATTRIBUTES, access_token);
    const timed = await json<Array<{ path: string; at: number }>>(
      await sandbox.call("/__sandbox/requests?times=1"),
    );
    expect(timed.map(({ path, at }) => ({ path, at }))).toEqual([
      { path: UPDATE, at: clock - 200 },
      { path: ATTRIBUTES, at: clock },
    ]);
    const updates = await json(await sandbox.call(`/__sandbox/requests?path=${UPDATE}&times=1`));
    expect(updates).toEqual([timed[0]]);
  });

  it("summarises calls, objects and statuses per METHOD and path", async () => {
    const sandbox = setup();
    const { access_token } = await sandbox.token();
    await sandbox.post(ACQUIRE, access_token, [{ name: "mood" }, { name: "nope" }]);
    await sandbox.post(UPDATE, access_token, [{ name: "mood", date: "2026-11-30", value: 5 }]);
    await sandbox.post(UPDATE, access_token, [
      { name: "mood", date: "2026-11-29", value: 6 },
      { name: "mood", date: "2026-11-28", value: 7 },
    ]);
    await sandbox.get(ATTRIBUTES, access_token);
    await sandbox.get(`${ATTRIBUTES}?page=2`, access_token);
    expect(await json(await sandbox.call("/__sandbox/requests/summary"))).toEqual({
      [`POST ${ACQUIRE}`]: { calls: 1, objects: 2, statuses: { "202": 1 } },
      [`POST ${UPDATE}`]: { calls: 2, objects: 3, statuses: { "200": 2 } },
      [`GET ${ATTRIBUTES}`]: { calls: 2, objects: 0, statuses: { "200": 2 } },
    });
  });
});

describe("/__sandbox/token, owner, state, reset", () => {
  it("issues a token with every read and write scope by default, or the given scope", async () => {
    const sandbox = setup();
    const all = await sandbox.token("heavy");
    expect(all.scope.split(" ").sort()).toEqual([...ALL_SCOPES].sort());
    expect(all.scope).toContain("manual_write");
    expect((await sandbox.token("demo", "mood_read mood_write")).scope).toBe(
      "mood_read mood_write",
    );
    const unknown = await sandbox.control("/__sandbox/token", { account: "nobody" });
    expect(unknown.status).toBe(404);
    expect(await json(unknown)).toEqual({ detail: expect.any(String) });
  });

  it("changes an owner as Exist's own page would, or makes it inactive with null", async () => {
    const sandbox = setup();
    const set = await sandbox.control("/__sandbox/owner", {
      account: "demo",
      attribute: "steps",
      service: "oura",
    });
    expect(set.status).toBe(200);
    expect((await sandbox.attribute("steps"))?.service).toEqual({ name: "oura", label: "Oura" });
    await sandbox.control("/__sandbox/owner", {
      account: "demo",
      attribute: "steps",
      service: null,
    });
    expect(await sandbox.attribute("steps")).toMatchObject({ service: null, active: false });
    const bad = await sandbox.control("/__sandbox/owner", {
      account: "demo",
      attribute: "steps",
      service: "myspace",
    });
    expect(bad.status).toBe(400);
    const missing = await sandbox.control("/__sandbox/owner", {
      account: "ghost",
      attribute: "steps",
      service: null,
    });
    expect(missing.status).toBe(404);
  });

  it("state lists every attribute, inactive and low priority included", async () => {
    const sandbox = setup();
    const response = await sandbox.call("/__sandbox/state?account=demo");
    const body = await json<{ count: number; results: Array<{ name: string }> }>(response);
    expect(body.count).toBe(body.results.length);
    const listed = body.results.map((item) => item.name);
    expect(listed).toEqual(expect.arrayContaining(["cycle_min", "weather_icon", "old_habit"]));
    expect((await sandbox.call("/__sandbox/state?account=ghost")).status).toBe(404);
  });

  it("reset puts every account back to its seed and clears faults", async () => {
    const sandbox = setup();
    const before = await sandbox.stateOf("demo");
    const { access_token } = await sandbox.token();
    await sandbox.post("/api/2/attributes/acquire/", access_token, [{ template: "pages_read" }]);
    await sandbox.control("/__sandbox/owner", {
      account: "new",
      attribute: "steps",
      service: null,
    });
    await sandbox.control("/__sandbox/faults", { path: ATTRIBUTES, status: 500 });
    expect(await sandbox.stateOf("demo")).not.toEqual(before);

    expect((await sandbox.control("/__sandbox/reset")).status).toBe(200);
    expect(await sandbox.stateOf("demo")).toEqual(before);
    expect((await sandbox.attribute("steps", "new"))?.active).toBe(true);
    expect((await sandbox.get(ATTRIBUTES, access_token)).status).toBe(200);
  });
});
