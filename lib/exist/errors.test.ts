import { describe, expect, it } from "vitest";
import { retryAfterSeconds } from "@/lib/exist/errors";

describe("retryAfterSeconds", () => {
  const now = Date.parse("2026-01-01T00:00:00Z");

  it("reads delta-seconds and HTTP dates", () => {
    expect(retryAfterSeconds("120", now)).toBe(120);
    expect(retryAfterSeconds("Thu, 01 Jan 2026 00:01:30 GMT", now)).toBe(90);
    expect(retryAfterSeconds("Wed, 31 Dec 2025 23:00:00 GMT", now)).toBe(0);
  });

  it("ignores a missing or unreadable value", () => {
    expect(retryAfterSeconds(null, now)).toBeUndefined();
    expect(retryAfterSeconds("soon", now)).toBeUndefined();
  });
});
