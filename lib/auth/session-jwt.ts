/**
 * next-auth v4's session JWT, sealed and opened exactly as its `encode`/`decode` do (a JWE with
 * `alg: dir`, `enc: A256GCM`, a key derived from the secret with HKDF-SHA256, `iat`, `exp`, `jti`,
 * 15 s clock tolerance), so next-auth reads what we write and we read what it writes. Two
 * differences, both for a signed-in route's CPU time: next-auth derives the key again on every
 * call (it was the largest part of a route handler's own time), here once per secret; and a page
 * sends the same cookie with each of its requests, so a JWT opened in the last minute is not
 * decrypted again (bench/profile.ts: 237 µs of a list request's session work down to 62 µs).
 */
import "server-only";
import { createHash, createSecretKey, hkdfSync, randomUUID, type KeyObject } from "node:crypto";
import { EncryptJWT, jwtDecrypt, type JWTPayload } from "jose";

const CLOCK_TOLERANCE_S = 15;
/**
 * JWTs opened lately, so that the same cookie on a page's next requests is not decrypted again:
 * at most this many, each for at most OPENED_FOR_MS and never past its `exp`.
 */
const OPENED_MAX = 1_000;
const OPENED_FOR_MS = 60_000;

type Opened = { payload: Readonly<JWTPayload>; until: number };
let derived: { secret: string; key: KeyObject; opened: Map<string, Opened> } | undefined;

/**
 * next-auth's getDerivedEncryptionKey with an empty salt, memoised for the last secret, with the
 * JWTs it opened (a switch of secret forgets them).
 */
function forSecret(secret: string) {
  if (derived?.secret !== secret) {
    const bytes = hkdfSync("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32);
    derived = { secret, key: createSecretKey(new Uint8Array(bytes)), opened: new Map() };
  }
  return derived;
}

/**
 * The JWT's claims; throws when it does not decrypt, is malformed or has expired. A JWT opened in
 * the last minute is answered from memory, by a digest of it (no token is kept as a key).
 */
export async function decodeSessionJwt(token: string, secret: string): Promise<JWTPayload> {
  const { key, opened } = forSecret(secret);
  const digest = createHash("sha256").update(token).digest("base64url");
  const now = Date.now();
  const known = opened.get(digest);
  if (known && known.until > now) return known.payload;
  opened.delete(digest);
  const { payload } = await jwtDecrypt(token, key, { clockTolerance: CLOCK_TOLERANCE_S });
  const expires = typeof payload.exp === "number" ? (payload.exp + CLOCK_TOLERANCE_S) * 1000 : now;
  if (opened.size >= OPENED_MAX) opened.delete(opened.keys().next().value ?? "");
  opened.set(digest, {
    payload: Object.freeze(payload),
    until: Math.min(now + OPENED_FOR_MS, expires),
  });
  return payload;
}

export async function encodeSessionJwt(
  claims: Record<string, unknown>,
  secret: string,
  maxAgeSeconds: number,
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new EncryptJWT(claims)
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt(now)
    .setExpirationTime(now + maxAgeSeconds)
    .setJti(randomUUID())
    .encrypt(forSecret(secret).key);
}
