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
 *
 * A pair the job refreshed while the person was away is one their session does not have (its
 * cookie holds the spent pair): it outlives the import's end, for that handover alone, until
 * the session takes it or the import's record is deleted (30 days after it ended). Without it
 * the person would be signed out by an import that finished while they were away.
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

/** Who refreshed (or handed over) a pair: the person's session, or an import's job. */
export type RefreshedBy = "session" | "job";

/** Keeps `tokens` for the import; `by` the job when the person's session does not hold them. */
export async function keepImportToken(
  db: Db,
  importId: string,
  username: string,
  tokens: TokenFields,
  by: RefreshedBy = "session",
): Promise<void> {
  const sealed = sealTokens(tokens, username);
  const refreshHash = tokenHash(tokens.refreshToken);
  const sessionHolds = by === "session";
  await db
    .insert(importTokens)
    .values({ importId, username, sealed, refreshHash, sessionHolds })
    .onConflictDoUpdate({
      target: importTokens.importId,
      set: { sealed, refreshHash, sessionHolds, endedAt: null, updatedAt: new Date() },
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

/**
 * The token goes when the import ends or is cancelled (its replaced hashes with it), unless the
 * person's session has yet to take a pair the job refreshed: then it stays for that handover.
 */
export async function dropImportToken(db: Db, importId: string): Promise<void> {
  const mine = eq(importTokens.importId, importId);
  await db.delete(importTokens).where(and(mine, eq(importTokens.sessionHolds, true)));
  await db.update(importTokens).set({ endedAt: new Date() }).where(mine);
}

/**
 * The pair an import holds in place of the refresh token `hash`. Taken by the session, the
 * session holds it: a handover whose import has ended is over, and goes.
 */
async function adopt(db: Db, username: string, hash: string, by: RefreshedBy) {
  const [row] = await db
    .select({
      importId: importTokens.importId,
      sealed: importTokens.sealed,
      endedAt: importTokens.endedAt,
    })
    .from(replacedRefreshTokens)
    .innerJoin(importTokens, eq(importTokens.importId, replacedRefreshTokens.importId))
    .where(and(eq(replacedRefreshTokens.tokenHash, hash), eq(importTokens.username, username)));
  if (!row) return undefined;
  const pair = openTokens(row.sealed, username);
  if (by === "session") {
    const mine = eq(importTokens.importId, row.importId);
    if (row.endedAt) await db.delete(importTokens).where(mine);
    else await db.update(importTokens).set({ sessionHolds: true }).where(mine);
  }
  return pair;
}

async function passOn(
  db: Db,
  username: string,
  oldHash: string,
  fresh: TokenFields,
  by: RefreshedBy,
) {
  const holders = await db
    .select({ importId: importTokens.importId, endedAt: importTokens.endedAt })
    .from(importTokens)
    .where(and(eq(importTokens.username, username), eq(importTokens.refreshHash, oldHash)));
  for (const { importId, endedAt } of holders) {
    // An ended import's pair, refreshed by the session that holds it: nothing left to hand over.
    if (endedAt) {
      await db.delete(importTokens).where(eq(importTokens.importId, importId));
      continue;
    }
    await keepImportToken(db, importId, username, fresh, by);
    await db
      .insert(replacedRefreshTokens)
      .values({ tokenHash: oldHash, importId })
      .onConflictDoNothing();
  }
}

/** The refresh both the session and the import jobs use (see above); `by` says whose. */
export function refreshSharedWithImports(
  username: string,
  by: RefreshedBy = "session",
): AcrossInstances {
  return async (refreshToken, exchange) => {
    const hash = tokenHash(refreshToken);
    let db: Db | undefined;
    try {
      db = (await database()).db;
      const adopted = await adopt(db, username, hash, by);
      if (adopted) return adopted;
    } catch {
      // Without the database there is no import to share with: refresh as before.
    }
    const fresh = await refreshAcrossInstances(refreshToken, exchange);
    if (db) await passOn(db, username, hash, fresh, by).catch(() => {});
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
      refreshSharedWithImports(this.username, "job"),
    );
    return this.tokens.accessToken;
  }
}
