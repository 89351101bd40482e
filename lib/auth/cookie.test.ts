import { createRequire } from "node:module";
import path from "node:path";
import { NextResponse } from "next/server";
import { describe, expect, it, vi } from "vitest";
import {
  COOKIE_CHUNK_SIZE,
  chunkCookie,
  readSessionToken,
  sessionCookie,
  sessionCookieValue,
  writeSessionToken,
} from "@/lib/auth/cookie";
import { testSessionToken, UNIT_TEST_SECRET } from "@/lib/auth/test-fixtures";

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

describe("chunked session cookies (next-auth's SessionStore)", () => {
  type Store = {
    chunk(value: string, options: object): Array<{ name: string; value: string }>;
  };
  const { SessionStore } = require(
    path.join(path.dirname(require.resolve("next-auth")), "core/lib/cookie.js"),
  ) as {
    SessionStore: new (
      option: { name: string; options: object },
      req: { cookies: Record<string, string> },
      logger: { debug: () => void },
    ) => Store;
  };
  const NAME = "next-auth.session-token";
  const jar = (cookies: Array<{ name: string; value: string }>) => ({ getAll: () => cookies });
  const nextAuthChunks = (value: string, existing: Record<string, string> = {}) =>
    new SessionStore({ name: NAME, options: {} }, { cookies: existing }, { debug: () => {} })
      .chunk(value, {})
      .filter((cookie) => cookie.value !== "")
      .map(({ name, value }) => ({ name, value }));

  it("cuts a value over 4 KB exactly as next-auth does, and joins next-auth's chunks back", () => {
    const value = Array.from({ length: 9000 }, (_, i) => "abcdefghij"[i % 10]).join("");
    const chunks = nextAuthChunks(value);
    expect(chunks.map((cookie) => cookie.name)).toEqual([`${NAME}.0`, `${NAME}.1`, `${NAME}.2`]);
    expect(chunkCookie(NAME, value)).toEqual(chunks);
    expect(chunks[0]?.value.length).toBe(COOKIE_CHUNK_SIZE);
    // Browsers may send cookies in any order.
    expect(sessionCookieValue(jar([...chunks].reverse()), NAME)).toBe(value);
  });

  it("keeps a short value in the one cookie, and reads it", () => {
    expect(chunkCookie(NAME, "short")).toEqual(nextAuthChunks("short"));
    expect(sessionCookieValue(jar([{ name: NAME, value: "short" }]), NAME)).toBe("short");
    expect(sessionCookieValue(jar([{ name: "other", value: "x" }]), NAME)).toBeUndefined();
  });
});

describe("writeSessionToken", () => {
  const token = testSessionToken({ name: "n".repeat(6000) });
  const requestJar = (names: string[]) => ({
    getAll: () => names.map((name) => ({ name, value: "old" })),
  });
  const setCookies = (response: NextResponse) =>
    Object.fromEntries(response.cookies.getAll().map((cookie) => [cookie.name, cookie]));

  it("writes a big session in chunks that decrypt when joined, and clears stale chunks", async () => {
    vi.stubEnv("AUTH_SECRET", UNIT_TEST_SECRET);
    const response = NextResponse.json({});
    const name = "next-auth.session-token";
    await writeSessionToken(
      response,
      token,
      requestJar([name, `${name}.0`, `${name}.1`, `${name}.2`, `${name}.3`]),
    );
    const written = setCookies(response);
    expect(written[name]?.maxAge).toBe(0);
    expect(written[`${name}.3`]?.maxAge).toBe(0);
    const live = Object.values(written).filter((cookie) => cookie.maxAge !== 0);
    expect(live.map((cookie) => cookie.name)).toEqual([`${name}.0`, `${name}.1`, `${name}.2`]);
    for (const cookie of live) {
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/" });
      expect(cookie.value.length).toBeLessThanOrEqual(COOKIE_CHUNK_SIZE);
    }
    const read = await readSessionToken(sessionCookieValue({ getAll: () => live }));
    expect(read).toEqual(token);
  });

  it("writes a small session as the one cookie and clears the chunks of a big one", async () => {
    vi.stubEnv("AUTH_SECRET", UNIT_TEST_SECRET);
    const response = NextResponse.json({});
    const name = "next-auth.session-token";
    await writeSessionToken(
      response,
      { ...token, name: "Demo" },
      requestJar([`${name}.0`, `${name}.1`]),
    );
    const written = setCookies(response);
    expect(written[`${name}.0`]?.maxAge).toBe(0);
    expect(written[`${name}.1`]?.maxAge).toBe(0);
    expect(written[name]?.maxAge).toBeGreaterThan(0);
    const read = await readSessionToken(written[name]?.value);
    expect(read?.name).toBe("Demo");
  });

  it("a cookie that does not decrypt reads as no session", async () => {
    expect(await readSessionToken("not-a-jwe")).toBeNull();
    expect(await readSessionToken(undefined)).toBeNull();
  });
});
