import { describe, expect, it } from "vitest";
import { ApiError, errorCodeFor, handleApiError, outcomeUnknown } from "@/lib/api/errors";
import { ExistError } from "@/lib/exist/errors";

async function envelope(error: unknown) {
  const response = handleApiError(error);
  return { status: response.status, headers: response.headers, body: await response.json() };
}

describe("errorCodeFor", () => {
  it.each([
    ["unauthorized", "reauth_required"],
    ["rate_limited", "rate_limited"],
    ["upstream", "upstream_error"],
    ["invalid_response", "upstream_error"],
    ["timeout", "upstream_timeout"],
  ] as const)("names Exist's %s error %s", (kind, code) => {
    expect(errorCodeFor(new ExistError(kind, "x"))).toBe(code);
  });
});

describe("handleApiError", () => {
  it.each([
    [new ExistError("unauthorized", "x"), 401, "reauth_required"],
    [new ExistError("rate_limited", "x"), 429, "rate_limited"],
    [new ExistError("upstream", "x", { status: 500 }), 502, "upstream_error"],
    [new ExistError("invalid_response", "x"), 502, "upstream_error"],
    [new ExistError("timeout", "x"), 504, "upstream_timeout"],
    [new ApiError("forbidden_origin", "x"), 403, "forbidden_origin"],
    [new ApiError("unsupported_media_type", "x"), 415, "unsupported_media_type"],
    [new ApiError("payload_too_large", "x"), 413, "payload_too_large"],
    [new ApiError("invalid_json", "x"), 400, "invalid_json"],
    [new ApiError("validation_failed", "x"), 422, "validation_failed"],
    [new ApiError("unauthenticated", "x"), 401, "unauthenticated"],
  ])("answers %s with %i %s in the envelope", async (error, status, code) => {
    const answer = await envelope(error);
    expect(answer.status).toBe(status);
    expect(answer.body).toEqual({ error: { code, message: expect.any(String) } });
  });

  it("passes Retry-After on when Exist sent one", async () => {
    const answer = await envelope(new ExistError("rate_limited", "x", { retryAfter: 30 }));
    expect(answer.headers.get("Retry-After")).toBe("30");
    expect((await envelope(new ExistError("rate_limited", "x"))).headers.has("Retry-After")).toBe(
      false,
    );
  });

  it("hides what an unexpected error says", async () => {
    const original = console.error;
    console.error = () => undefined;
    try {
      const answer = await envelope(new Error("secret database password in stack"));
      expect(answer.status).toBe(500);
      expect(answer.body).toEqual({
        error: { code: "internal_error", message: "Something went wrong on our side." },
      });
    } finally {
      console.error = original;
    }
  });
});

describe("outcomeUnknown: whether Exist may have acted on a write it was sent", () => {
  it.each([
    [new ExistError("timeout", "x"), true],
    [new ExistError("upstream", "connection lost"), true],
    [new ExistError("upstream", "x", { status: 503 }), true],
    [new ExistError("invalid_response", "x"), true],
    [new ExistError("upstream", "x", { status: 400 }), false],
    [new ExistError("rate_limited", "x", { status: 429 }), false],
    [new ExistError("unauthorized", "x", { status: 401 }), false],
    [new Error("a bug"), false],
  ])("%s → %s", (error, unknown) => {
    expect(outcomeUnknown(error)).toBe(unknown);
  });

  it("answers outcome_unknown as 502 in the envelope", async () => {
    const answer = await envelope(new ApiError("outcome_unknown", "x"));
    expect(answer.status).toBe(502);
    expect(answer.body).toEqual({ error: { code: "outcome_unknown", message: "x" } });
  });
});
