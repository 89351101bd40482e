import { describe, expect, it } from "vitest";
import { startSandbox } from "./server";
import { json, setup } from "./test-helpers";

const ATTRIBUTES = "/api/2/attributes/";

describe("/__sandbox/accounts", () => {
  it("adds a copy of a seeded account under a new name, independent of the original", async () => {
    const sandbox = setup();
    const added = await sandbox.control("/__sandbox/accounts", { name: "load_01", from: "heavy" });
    expect(added.status).toBe(201);
    expect(await json(added)).toEqual({ username: "load_01", attributes: 600 });

    const heavy = await sandbox.stateOf("heavy");
    expect(await sandbox.stateOf("load_01")).toEqual(heavy);
    const { access_token } = await sandbox.token("load_01");
    const profile = await sandbox.get("/api/2/accounts/profile/", access_token);
    expect(await json(profile)).toMatchObject({ username: "load_01" });

    const acquired = await sandbox.post("/api/2/attributes/acquire/", access_token, [
      { name: "tag_001" },
    ]);
    expect(acquired.status).toBe(200);
    expect((await sandbox.attribute("tag_001", "load_01"))?.service?.name).toBe("exist_ownership");
    expect((await sandbox.attribute("tag_001", "heavy"))?.service?.name).not.toBe(
      "exist_ownership",
    );
  });

  it("refuses a taken name (409), an unknown seed (404) and a malformed name (400)", async () => {
    const sandbox = setup();
    expect(
      (await sandbox.control("/__sandbox/accounts", { name: "demo", from: "new" })).status,
    ).toBe(409);
    expect(
      (await sandbox.control("/__sandbox/accounts", { name: "x1", from: "ghost" })).status,
    ).toBe(404);
    const bad = await sandbox.control("/__sandbox/accounts", { name: "Bad Name", from: "new" });
    expect(bad.status).toBe(400);
    expect(await json(bad)).toEqual({ detail: expect.stringContaining("name") });
  });

  it("reset removes added accounts", async () => {
    const sandbox = setup();
    await sandbox.control("/__sandbox/accounts", { name: "load_02", from: "new" });
    expect((await sandbox.call("/__sandbox/state?account=load_02")).status).toBe(200);
    await sandbox.control("/__sandbox/reset");
    expect((await sandbox.call("/__sandbox/state?account=load_02")).status).toBe(404);
  });
});

describe("drop faults", () => {
  it("destroy the connection with no answer, are logged with status 0, then stop", async () => {
    const sandbox = await startSandbox({ port: 0 });
    try {
      const control = (path: string, body?: unknown) =>
        fetch(`${sandbox.url}${path}`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(body ?? {}),
        });
      const { access_token } = (await (
        await control("/__sandbox/token", { account: "demo" })
      ).json()) as {
        access_token: string;
      };
      const added = await control("/__sandbox/faults", { path: ATTRIBUTES, drop: true, times: 1 });
      expect(added.status).toBe(200);

      const get = () =>
        fetch(`${sandbox.url}${ATTRIBUTES}`, {
          headers: { Authorization: `Bearer ${access_token}`, Connection: "close" },
        });
      await expect(get()).rejects.toThrow(TypeError);
      expect((await get()).status).toBe(200);
      const log = (await (await fetch(`${sandbox.url}/__sandbox/requests`)).json()) as Array<{
        status: number;
      }>;
      expect(log.map((entry) => entry.status)).toEqual([0, 200]);
    } finally {
      await sandbox.close();
    }
  });
});
