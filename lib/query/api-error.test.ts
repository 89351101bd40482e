import { describe, expect, it } from "vitest";
import {
  ApiResponseError,
  describeError,
  describeRetryAt,
  retryAtFromHeader,
  toApiResponseError,
} from "./api-error";

describe("retryAtFromHeader", () => {
  const now = new Date("2026-01-01T12:00:00Z");
  it("reads delta-seconds and HTTP dates", () => {
    expect(retryAtFromHeader("120", now)?.toISOString()).toBe("2026-01-01T12:02:00.000Z");
    expect(retryAtFromHeader("Thu, 01 Jan 2026 13:00:00 GMT", now)?.toISOString()).toBe(
      "2026-01-01T13:00:00.000Z",
    );
    expect(retryAtFromHeader(null, now)).toBeNull();
    expect(retryAtFromHeader("soon", now)).toBeNull();
  });
  it("says how long to wait", () => {
    expect(describeRetryAt(new Date(now.getTime() + 180_000), now)).toMatch(/about 3 minutes/);
    expect(describeRetryAt(null, now)).toBe("Try again in a few minutes.");
  });
});

describe("toApiResponseError", () => {
  it("reads the error envelope and Retry-After", async () => {
    const response = new Response(
      JSON.stringify({ error: { code: "rate_limited", message: "Slow down" } }),
      { status: 429, headers: { "Retry-After": "60" } },
    );
    const error = await toApiResponseError(response);
    expect(error).toMatchObject({ status: 429, code: "rate_limited", message: "Slow down" });
    expect(error.retryAt).toBeInstanceOf(Date);
    expect(describeError(error)).toMatch(/^Exist is limiting .* Try again in about a minute/);
  });
  it("says the session ended on reauth_required", () => {
    const error = new ApiResponseError(401, "reauth_required", "x");
    expect(error.sessionEnded).toBe(true);
    expect(describeError(error)).toBe("Your Exist session has ended. Sign in with Exist again.");
  });
});
