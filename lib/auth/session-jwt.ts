/**
 * next-auth v4's session JWT, sealed and opened exactly as its `encode`/`decode` do (a JWE with
 * `alg: dir`, `enc: A256GCM`, a key derived from the secret with HKDF-SHA256, `iat`, `exp`, `jti`,
 * 15 s clock tolerance), so next-auth reads what we write and we read what it writes. The one
 * difference: next-auth derives the key again on every call, which was the largest part of a
 * route handler's own CPU time; here it is derived once per secret.
 */
import "server-only";
import { createSecretKey, hkdfSync, randomUUID, type KeyObject } from "node:crypto";
import { EncryptJWT, jwtDecrypt, type JWTPayload } from "jose";

let derived: { secret: string; key: KeyObject } | undefined;

/** next-auth's getDerivedEncryptionKey with an empty salt, memoised for the last secret. */
function encryptionKey(secret: string): KeyObject {
  if (derived?.secret !== secret) {
    const bytes = hkdfSync("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32);
    derived = { secret, key: createSecretKey(new Uint8Array(bytes)) };
  }
  return derived.key;
}

/** The JWT's claims; throws when it does not decrypt, is malformed or has expired. */
export async function decodeSessionJwt(token: string, secret: string): Promise<JWTPayload> {
  const { payload } = await jwtDecrypt(token, encryptionKey(secret), { clockTolerance: 15 });
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
    .encrypt(encryptionKey(secret));
}
