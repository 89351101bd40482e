import { describe, expect, it } from "vitest";
import { setup } from "./test-helpers";

const ATTRIBUTES = "/api/2/attributes/";
const HOUR = 3_600_000;

describe("rate limit", () => {
  it("counts per token in clock hours: full until the hour ends, fresh from its first second", async () => {
    // 10:59:00 UTC: one minute before the hour turns.
    let now = Date.parse("2026-11-30T10:59:00Z");
    const sandbox = setup({ rateLimit: 3, now: () => now });
    const { access_token } = await sandbox.token();
    for (let call = 0; call < 3; call += 1) {
      expect((await sandbox.get(ATTRIBUTES, access_token)).status).toBe(200);
    }
    now += 30_000;
    const limited = await sandbox.get(ATTRIBUTES, access_token);
    expect(limited.status).toBe(429);
    expect(await limited.text()).toBe("");
    expect(limited.headers.get("Retry-After")).toBe("30");
    const other = await sandbox.token();
    expect((await sandbox.get(ATTRIBUTES, other.access_token)).status).toBe(200);
    // 11:00:00: a new hour, though the first calls were only a minute ago.
    now = Date.parse("2026-11-30T11:00:00Z");
    expect((await sandbox.get(ATTRIBUTES, access_token)).status).toBe(200);
  });

  it("counts every API call, writes included, and not the test controls", async () => {
    const now = Date.parse("2026-11-30T10:00:00Z");
    const sandbox = setup({ rateLimit: 2, now: () => now });
    const { access_token } = await sandbox.token();
    await sandbox.call("/__sandbox/state?account=demo");
    expect((await sandbox.post("/api/2/attributes/update/", access_token, [])).status).toBe(200);
    expect((await sandbox.get("/api/2/accounts/profile/", access_token)).status).toBe(200);
    expect((await sandbox.post("/api/2/attributes/update/", access_token, [])).status).toBe(429);
    expect(
      (await sandbox.get("/api/2/accounts/profile/", access_token)).headers.get("Retry-After"),
    ).toBe(String(HOUR / 1000));
  });

  it("takes a shorter window, aligned to multiples of it since the epoch", async () => {
    let now = 1_800_000_000_000 + 45_000; // 45 s into a 60 s window
    const sandbox = setup({ rateLimit: 1, rateWindowSeconds: 60, now: () => now });
    const { access_token } = await sandbox.token();
    expect((await sandbox.get(ATTRIBUTES, access_token)).status).toBe(200);
    const limited = await sandbox.get(ATTRIBUTES, access_token);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("Retry-After")).toBe("15");
    now += 14_999;
    expect((await sandbox.get(ATTRIBUTES, access_token)).status).toBe(429);
    now += 1;
    expect((await sandbox.get(ATTRIBUTES, access_token)).status).toBe(200);
  });

  it("is cleared by reset", async () => {
    const now = Date.parse("2026-11-30T10:00:00Z");
    const sandbox = setup({ rateLimit: 1, now: () => now });
    const { access_token } = await sandbox.token();
    await sandbox.get(ATTRIBUTES, access_token);
    expect((await sandbox.get(ATTRIBUTES, access_token)).status).toBe(429);
    await sandbox.control("/__sandbox/reset");
    expect((await sandbox.get(ATTRIBUTES, access_token)).status).toBe(200);
  });
});
