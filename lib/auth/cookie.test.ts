import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sessionCookie } from "@/lib/auth/cookie";

// next-auth's own choice of cookie name and options (not in its package exports).
const require = createRequire(import.meta.url);
const { defaultCookies } = require(
  path.join(path.dirname(require.resolve("next-auth")), "core/lib/cookie.js"),
) as {
  defaultCookies: (secure: boolean) => { sessionToken: { name: string; options: object } };
};

describe("sessionCookie", () => {
  it("over http: HttpOnly, SameSite=Lax, not Secure, no prefix — as next-auth sets it", () => {
    const cookie = sessionCookie("http://localhost:3000");
    expect(cookie).toEqual({
      name: "next-auth.session-token",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: false },
    });
    expect(cookie).toEqual(defaultCookies(false).sessionToken);
  });

  it("over https: Secure with the __Secure- prefix — as next-auth sets it", () => {
    const cookie = sessionCookie("https://ownership.example");
    expect(cookie).toEqual({
      name: "__Secure-next-auth.session-token",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: true },
    });
    expect(cookie).toEqual(defaultCookies(true).sessionToken);
  });
});
