import { afterEach, describe, expect, it, vi } from "vitest";
import { authLogger, describeAuthError, redact } from "@/lib/auth/logger";

const ACCESS = "0123456789abcdef0123456789abcdef01234567";

afterEach(() => vi.restoreAllMocks());

describe("next-auth's logger", () => {
  it("redacts anything token-like and shortens long messages", () => {
    expect(redact(`token ${ACCESS} refused`)).toBe("token [redacted] refused");
    expect(redact("x ".repeat(300))).toHaveLength(201);
  });

  it("prints the code, the error's name and a redacted message, never the metadata object", () => {
    const printed = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const providerError = Object.assign(new Error(`invalid_grant for ${ACCESS}`), {
      name: "OAuthCallbackError",
      response: { access_token: ACCESS, refresh_token: "r".repeat(40) },
    });
    authLogger.error?.("OAUTH_CALLBACK_ERROR", { error: providerError, providerId: "exist" });
    expect(printed).toHaveBeenCalledExactlyOnceWith(
      "next-auth error OAUTH_CALLBACK_ERROR: OAuthCallbackError: invalid_grant for [redacted]",
    );
    expect(JSON.stringify(printed.mock.calls)).not.toContain("r".repeat(40));
  });

  it("describes metadata that is not an error without printing it", () => {
    expect(describeAuthError({ access_token: ACCESS })).toBe("(no details)");
    expect(describeAuthError(new TypeError("fetch failed"))).toBe("TypeError: fetch failed");
  });

  it("drops debug output", () => {
    const printed = vi.spyOn(console, "log").mockImplementation(() => undefined);
    authLogger.debug?.("OAUTH_CALLBACK_RESPONSE", { tokens: { access_token: ACCESS } });
    expect(printed).not.toHaveBeenCalled();
  });
});
