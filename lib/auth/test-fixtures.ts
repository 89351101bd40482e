/** A session for unit tests: the JWT the `jwt` callback stores, sealed with a test-only secret. */
import { encode } from "next-auth/jwt";
import type { SessionToken } from "@/lib/auth/token";

export const UNIT_TEST_SECRET = "unit-test-secret-0123456789abcdef0123456789";

export function testSessionToken(overrides: Partial<SessionToken> = {}): SessionToken {
  return {
    username: "demo",
    name: "Demo",
    picture: null,
    accessToken: "a".repeat(40),
    refreshToken: "r".repeat(40),
    expiresAt: 2_000_000_000,
    scopes: ["mood_read"],
    ...overrides,
  };
}

/** The cookie value next-auth would write for `testSessionToken(overrides)`. */
export function sealTestSession(overrides: Partial<SessionToken> = {}): Promise<string> {
  return encode({ token: testSessionToken(overrides), secret: UNIT_TEST_SECRET, maxAge: 60 });
}
