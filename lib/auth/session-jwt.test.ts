import { decode, encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { decodeSessionJwt, encodeSessionJwt } from "@/lib/auth/session-jwt";

const SECRET = "unit-test-session-secret-0123456789abcdef0123456789";
const OTHER_SECRET = "another-session-secret-0123456789abcdef0123456789ab";
const claims = { username: "demo", accessToken: "access-0123456789", scopes: ["mood_read"] };
const DAY = 24 * 60 * 60;

describe("the session JWT in next-auth's own format", () => {
  it("opens what next-auth seals", async () => {
    const sealed = await encode({ token: claims, secret: SECRET, maxAge: DAY });
    expect(await decodeSessionJwt(sealed, SECRET)).toMatchObject(claims);
  });

  it("seals what next-auth opens, with its iat, exp and jti", async () => {
    const before = Math.floor(Date.now() / 1000);
    const sealed = await encodeSessionJwt(claims, SECRET, DAY);
    const opened = await decode({ token: sealed, secret: SECRET });
    expect(opened).toMatchObject(claims);
    expect(opened?.iat).toBeGreaterThanOrEqual(before);
    expect(opened?.exp).toBe(Number(opened?.iat) + DAY);
    expect(opened?.jti).toMatch(/^[0-9a-f-]{36}$/);
    // A JWE with five parts: protected header, empty key (dir), IV, ciphertext, tag.
    const [header, key] = sealed.split(".");
    expect(JSON.parse(Buffer.from(header ?? "", "base64url").toString())).toEqual({
      alg: "dir",
      enc: "A256GCM",
    });
    expect(key).toBe("");
  });

  it("refuses a JWT sealed with another secret, after a switch of secret too", async () => {
    const sealed = await encodeSessionJwt(claims, OTHER_SECRET, DAY);
    expect(await decodeSessionJwt(sealed, OTHER_SECRET)).toMatchObject(claims);
    await expect(decodeSessionJwt(sealed, SECRET)).rejects.toThrow();
    await expect(
      decodeSessionJwt(await encode({ token: claims, secret: SECRET, maxAge: DAY }), OTHER_SECRET),
    ).rejects.toThrow();
  });

  it("refuses an expired JWT (beyond next-auth's 15 s tolerance) and a tampered one", async () => {
    const expired = await encode({ token: claims, secret: SECRET, maxAge: -20 });
    await expect(decodeSessionJwt(expired, SECRET)).rejects.toThrow(/exp/);
    const sealed = await encodeSessionJwt(claims, SECRET, DAY);
    const parts = sealed.split(".");
    const ciphertext = Buffer.from(parts[3] ?? "", "base64url");
    ciphertext[0] = (ciphertext[0] ?? 0) ^ 1;
    parts[3] = ciphertext.toString("base64url");
    await expect(decodeSessionJwt(parts.join("."), SECRET)).rejects.toThrow();
  });

  describe("a JWT opened lately", () => {
    afterEach(() => vi.useRealTimers());

    it("is answered from memory within the minute, and refused once past its exp", async () => {
      vi.useFakeTimers({ now: new Date("2026-12-03T12:00:00Z"), toFake: ["Date"] });
      const sealed = await encodeSessionJwt(claims, SECRET, 30);
      const first = await decodeSessionJwt(sealed, SECRET);
      expect(first).toMatchObject(claims);
      // The same claims object: not decrypted again.
      expect(await decodeSessionJwt(sealed, SECRET)).toBe(first);
      // 30 s of life and 15 s of tolerance, as next-auth: still open at 44 s, refused at 46 s.
      vi.setSystemTime(new Date("2026-12-03T12:00:44Z"));
      expect(await decodeSessionJwt(sealed, SECRET)).toBe(first);
      vi.setSystemTime(new Date("2026-12-03T12:00:46Z"));
      await expect(decodeSessionJwt(sealed, SECRET)).rejects.toThrow(/exp/);
    });

    it("is opened again after a minute", async () => {
      vi.useFakeTimers({ now: new Date("2026-12-03T12:00:00Z"), toFake: ["Date"] });
      const sealed = await encodeSessionJwt(claims, SECRET, DAY);
      const first = await decodeSessionJwt(sealed, SECRET);
      vi.setSystemTime(new Date("2026-12-03T12:01:01Z"));
      const again = await decodeSessionJwt(sealed, SECRET);
      expect(again).not.toBe(first);
      expect(again).toMatchObject(claims);
    });
  });
});
