/**
 * One token refresh per refresh token across every instance sharing a PostgreSQL server.
 * Exist's refresh tokens are single-use: instances serialise on an advisory lock keyed by a hash
 * of the token, and the first one's new pair is kept a few minutes, encrypted with AUTH_SECRET,
 * for the others to adopt. With the embedded database (one process) this is not needed.
 */
import "server-only";
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import { and, eq, gt, lt, sql } from "drizzle-orm";
import { z } from "zod";
import { env } from "@/lib/env";
import { database } from "@/lib/db/database";
import { refreshedTokens } from "@/lib/db/schema";

/** How long a refreshed pair is kept for other instances; deleted after. */
export const KEEP_REFRESHED_SECONDS = 5 * 60;

const pairSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  expiresAt: z.number(),
  scopes: z.array(z.string()),
});
type Pair = z.infer<typeof pairSchema>;

function key(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "exist-ownership", "refreshed-tokens", 32));
}

export function seal(pair: Pair, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(secret), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(pair), "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

export function unseal(sealed: string, secret: string): Pair {
  const raw = Buffer.from(sealed, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", key(secret), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString();
  return pairSchema.parse(JSON.parse(text));
}

export function tokenHash(refreshToken: string): string {
  return createHash("sha256").update(refreshToken).digest("hex");
}

/** The advisory lock's 64-bit key: the first 8 bytes of the token's hash. */
export function lockKey(hash: string): bigint {
  return BigInt.asIntN(64, BigInt(`0x${hash.slice(0, 16)}`));
}

/**
 * `exchange()`'s result, run at most once per token across instances when DATABASE_URL is set.
 * If the database fails before the exchange, the exchange goes ahead (one process still
 * single-flights it); an exchange that happened is never repeated.
 */
export async function refreshAcrossInstances<T extends Pair>(
  refreshToken: string,
  exchange: () => Promise<T>,
): Promise<Pair> {
  const { databaseUrl, authSecret } = env();
  if (!databaseUrl) return exchange();
  let exchanged: { value: Pair } | undefined;
  let exchangeError: { error: unknown } | undefined;
  try {
    const opened = await database();
    const hash = tokenHash(refreshToken);
    const since = sql`now() - make_interval(secs => ${KEEP_REFRESHED_SECONDS})`;
    return await opened.withAdvisoryLock(lockKey(hash), async (db) => {
      const [kept] = await db
        .select()
        .from(refreshedTokens)
        .where(and(eq(refreshedTokens.tokenHash, hash), gt(refreshedTokens.createdAt, since)));
      if (kept) return unseal(kept.sealed, authSecret);
      try {
        exchanged = { value: await exchange() };
      } catch (error) {
        exchangeError = { error };
        throw error;
      }
      await db
        .insert(refreshedTokens)
        .values({ tokenHash: hash, sealed: seal(exchanged.value, authSecret) })
        .onConflictDoUpdate({
          target: refreshedTokens.tokenHash,
          set: { sealed: sql`excluded.sealed`, createdAt: sql`now()` },
        });
      await db.delete(refreshedTokens).where(lt(refreshedTokens.createdAt, since));
      return exchanged.value;
    });
  } catch {
    if (exchangeError) throw exchangeError.error;
    if (exchanged) return exchanged.value;
    return exchange();
  }
}
