import { afterAll, describe, expect, it } from "vitest";
import { lockKey, seal, tokenHash, unseal } from "@/lib/db/shared-refresh";

const SECRET = "s".repeat(32);
// Tokens long enough that random ciphertext cannot contain them by chance (a two-letter token
// turned up in about one sealed text in forty).
const pair = {
  accessToken: "access-token-7c41d2e9b0f35a68",
  refreshToken: "refresh-token-3b9e0a17c5d2f864",
  expiresAt: 123,
  scopes: ["mood_read"],
};

describe("refreshed token pairs at rest", () => {
  it("are sealed with AUTH_SECRET, unreadable and tamper-evident without it", () => {
    const sealed = seal(pair, SECRET);
    expect(sealed).not.toContain(pair.accessToken);
    expect(sealed).not.toContain(pair.refreshToken);
    expect(unseal(sealed, SECRET)).toEqual(pair);
    expect(() => unseal(sealed, "t".repeat(32))).toThrow();
  });

  it("are keyed by a hash of the old refresh token, never the token", () => {
    expect(tokenHash("old-token")).toMatch(/^[0-9a-f]{64}$/);
    expect(typeof lockKey(tokenHash("old-token"))).toBe("bigint");
  });
});

const serverUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!serverUrl)("one refresh across instances (PostgreSQL server)", () => {
  afterAll(async () => {
    const { database } = await import("@/lib/db/database");
    await (await database()).close();
  });

  it("runs the exchange once for concurrent refreshes of one token; the others adopt it", async () => {
    process.env.DATABASE_URL = serverUrl;
    process.env.AUTH_SECRET = SECRET;
    const { refreshAcrossInstances } = await import("@/lib/db/shared-refresh");
    let exchanges = 0;
    const token = `refresh-${process.pid}-${Date.now()}`;
    const exchange = async () => {
      exchanges++;
      await new Promise((resolve) => setTimeout(resolve, 50));
      return { ...pair, accessToken: `new-${exchanges}` };
    };
    // Each call stands in for an instance: no per-process single flight here.
    const results = await Promise.all(
      Array.from({ length: 5 }, () => refreshAcrossInstances(token, exchange)),
    );
    expect(exchanges).toBe(1);
    expect(new Set(results.map((result) => result.accessToken))).toEqual(new Set(["new-1"]));
  });
});
