/**
 * The Exist tokens an import's job writes with, sealed for their user with TOKEN_ENCRYPTION_KEY
 * (lib/auth/token-vault.ts) and kept only while the import is pending or running.
 *
 * Exist's refresh tokens are single-use, and the job and the person's session start from the
 * same pair: whichever refreshes first, the other adopts the new pair. A refresh by either goes
 * through `refreshSharedWithImports`: if an import already replaced this refresh token, its pair
 * is adopted (no exchange); otherwise the exchange runs (once across instances,
 * lib/db/shared-refresh.ts), and every import of the person still holding the old pair gets
 * the new one.
 */
import "server-only";
import { and, eq } from "drizzle-orm";
import type { AcrossInstances } from "@/lib/auth/refresh";
import { refreshTokens } from "@/lib/auth/refresh";
import { isExpired, type TokenFields } from "@/lib/auth/token";
import { openTokens, sealTokens } from "@/lib/auth/token-vault";
import { database, type Db } from "@/lib/db/database";
import { importTokens, replacedRefreshTokens } from "@/lib/db/schema";
import { refreshAcrossInstances, tokenHash } from "@/lib/db/shared-refresh";
import type { TokenSource } from "@/lib/exist/client";

export async function keepImportToken(
  db: Db,
  importId: string,
  username: string,
  tokens: TokenFields,
): Promise<void> {
  const sealed = sealTokens(tokens, username);
  const refreshHash = tokenHash(tokens.refreshToken);
  await db
    .insert(importTokens)
    .values({ importId, username, sealed, refreshHash })
    .onConflictDoUpdate({
      target: importTokens.importId,
      set: { sealed, refreshHash, updatedAt: new Date() },
    });
}

export async function readImportToken(
  db: Db,
  importId: string,
  username: string,
): Promise<TokenFields | undefined> {
  const [row] = await db
    .select({ sealed: importTokens.sealed })
    .from(importTokens)
    .where(and(eq(importTokens.importId, importId), eq(importTokens.username, username)));
  return row ? openTokens(row.sealed, username) : undefined;
}

/** The token goes when the import ends or is cancelled (its replaced hashes with it). */
export async function dropImportToken(db: Db, importId: string): Promise<void> {
  await db.delete(importTokens).where(eq(importTokens.importId, importId));
}

async function adoptable(db: Db, username: string, hash: string) {
  const [row] = await db
    .select({ sealed: importTokens.sealed })
    .from(replacedRefreshTokens)
    .innerJoin(importTokens, eq(importTokens.importId, replacedRefreshTokens.importId))
    .where(and(eq(replacedRefreshTokens.tokenHash, hash), eq(importTokens.username, username)));
  return row ? openTokens(row.sealed, username) : undefined;
}

async function passOn(db: Db, username: string, oldHash: string, fresh: TokenFields) {
  const holders = await db
    .select({ importId: importTokens.importId })
    .from(importTokens)
    .where(and(eq(importTokens.username, username), eq(importTokens.refreshHash, oldHash)));
  for (const { importId } of holders) {
    await keepImportToken(db, importId, username, fresh);
    await db
      .insert(replacedRefreshTokens)
      .values({ tokenHash: oldHash, importId })
      .onConflictDoNothing();
  }
}

/** The refresh both the session and the import jobs use (see above). */
export function refreshSharedWithImports(username: string): AcrossInstances {
  return async (refreshToken, exchange) => {
    const hash = tokenHash(refreshToken);
    let db: Db | undefined;
    try {
      db = (await database()).db;
      const adopted = await adoptable(db, username, hash);
      if (adopted) return adopted;
    } catch {
      // Without the database there is no import to share with: refresh as before.
    }
    const fresh = await refreshAcrossInstances(refreshToken, exchange);
    if (db) await passOn(db, username, hash, fresh).catch(() => {});
    return fresh;
  };
}

/** The job's token source: the import's sealed pair, refreshed through the shared path. */
export class ImportTokenSource implements TokenSource {
  constructor(
    private readonly db: Db,
    private readonly importId: string,
    private readonly username: string,
    private tokens: TokenFields,
  ) {}

  async accessToken(): Promise<string> {
    if (isExpired(this.tokens)) return this.refresh(this.tokens.accessToken);
    return this.tokens.accessToken;
  }

  async refresh(rejected: string): Promise<string> {
    if (this.tokens.accessToken !== rejected) return this.tokens.accessToken;
    // The session may have refreshed since: its pair is in the import's record already.
    const kept = await readImportToken(this.db, this.importId, this.username);
    if (kept && kept.accessToken !== rejected && !isExpired(kept)) {
      this.tokens = kept;
      return kept.accessToken;
    }
    this.tokens = await refreshTokens(
      this.tokens.refreshToken,
      refreshSharedWithImports(this.username),
    );
    return this.tokens.accessToken;
  }
}
