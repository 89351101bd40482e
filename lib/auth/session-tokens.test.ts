import { describe, expect, it, vi } from "vitest";
import { SessionTokens } from "@/lib/auth/session-tokens";
import { SingleFlight } from "@/lib/auth/single-flight";
import { nowInSeconds, type SessionToken, type TokenFields } from "@/lib/auth/token";
import { ExistError } from "@/lib/exist/errors";

function token(overrides: Partial<SessionToken> = {}): SessionToken {
  return {
    username: "demo",
    name: "Demo",
    picture: null,
    accessToken: "a0",
    refreshToken: "r0",
    expiresAt: nowInSeconds() + 3600,
    scopes: ["mood_read", "mood_write"],
    ...overrides,
  };
}

const fresh: TokenFields = {
  accessToken: "a1",
  refreshToken: "r1",
  expiresAt: nowInSeconds() + 7200,
  scopes: ["mood_read", "mood_write"],
};

describe("SessionTokens", () => {
  it("refreshes once per request: a sibling call rejected after a failed refresh shares its failure", async () => {
    const refresh = vi.fn(async (): Promise<TokenFields> => {
      throw new ExistError("upstream", "token endpoint answered 500", { status: 500 });
    });
    const tokens = new SessionTokens(token(), refresh);
    await expect(tokens.refresh("a0")).rejects.toThrow("token endpoint answered 500");
    await expect(tokens.refresh("a0")).rejects.toThrow("token endpoint answered 500");
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(tokens.changed).toBe(false);
  });

  it("uses a valid token as it is", async () => {
    const refresh = vi.fn(async () => fresh);
    const tokens = new SessionTokens(token(), refresh);
    await expect(tokens.accessToken()).resolves.toBe("a0");
    expect(refresh).not.toHaveBeenCalled();
    expect(tokens.changed).toBe(false);
  });

  it("refreshes a token that expires within the margin before using it", async () => {
    const refresh = vi.fn(async () => fresh);
    const tokens = new SessionTokens(token({ expiresAt: nowInSeconds() + 30 }), refresh);
    await expect(tokens.accessToken()).resolves.toBe("a1");
    expect(refresh).toHaveBeenCalledExactlyOnceWith("r0");
    expect(tokens.changed).toBe(true);
    expect(tokens.token).toMatchObject({ accessToken: "a1", refreshToken: "r1", username: "demo" });
  });

  it("refreshes once when several calls of one request are rejected together", async () => {
    const flights = new SingleFlight<TokenFields>(60_000);
    const exchange = vi.fn(async () => fresh);
    const tokens = new SessionTokens(token(), (refreshToken) =>
      flights.run(refreshToken, exchange),
    );
    const results = await Promise.all([1, 2, 3].map(() => tokens.refresh("a0")));
    expect(results).toEqual(["a1", "a1", "a1"]);
    expect(exchange).toHaveBeenCalledTimes(1);
    // A call that was rejected with the old token after the refresh gets the new one.
    await expect(tokens.refresh("a0")).resolves.toBe("a1");
    expect(exchange).toHaveBeenCalledTimes(1);
  });

  it("shares one refresh between requests carrying the same cookie", async () => {
    const flights = new SingleFlight<TokenFields>(60_000);
    const exchange = vi.fn(async () => fresh);
    const requests = [1, 2, 3, 4].map(
      () => new SessionTokens(token(), (refreshToken) => flights.run(refreshToken, exchange)),
    );
    await Promise.all(requests.map((tokens) => tokens.refresh("a0")));
    expect(exchange).toHaveBeenCalledTimes(1);
    expect(requests.every((tokens) => tokens.token.refreshToken === "r1")).toBe(true);
  });

  it("flags the session when Exist refuses the refresh token", async () => {
    const tokens = new SessionTokens(token(), async () => {
      throw new ExistError("unauthorized", "refused");
    });
    await expect(tokens.refresh("a0")).rejects.toMatchObject({ kind: "unauthorized" });
    expect(tokens.changed).toBe(true);
    expect(tokens.token.error).toBe("RefreshFailed");
  });

  it("leaves the session alone when the refresh failed for a passing reason", async () => {
    const tokens = new SessionTokens(token(), async () => {
      throw new ExistError("upstream", "down");
    });
    await expect(tokens.refresh("a0")).rejects.toMatchObject({ kind: "upstream" });
    expect(tokens.changed).toBe(false);
    expect(tokens.token.error).toBeUndefined();
  });
});
