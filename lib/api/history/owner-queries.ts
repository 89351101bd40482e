/**
 * The statements a list load runs: the owners last seen for each of a user's attributes, the
 * owner changes seen elsewhere, and the user's row that makes concurrent loads take turns.
 * Plain data in and out; observe-owners.ts decides what to record.
 */
import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/database";
import { historyEntries, lastSeenOwners, userStates } from "@/lib/db/schema";
import type { HistoryRow } from "@/lib/api/history/entry-queries";
import { listFlights, recordStaleFlights } from "@/lib/api/history/change-queries";

export type OwnerState = {
  attribute: string;
  label: string;
  owner: string | null;
  active: boolean;
};

export async function upsertOwners(db: Db, username: string, owners: readonly OwnerState[]) {
  if (owners.length === 0) return;
  await db
    .insert(lastSeenOwners)
    .values(owners.map((owner) => ({ username, ...owner })))
    .onConflictDoUpdate({
      target: [lastSeenOwners.username, lastSeenOwners.attribute],
      set: {
        label: sql`excluded.label`,
        owner: sql`excluded.owner`,
        active: sql`excluded.active`,
      },
      // An owner seen again (re-acquiring what this app owns) writes no new row version.
      setWhere: sql`(${lastSeenOwners.label}, ${lastSeenOwners.owner}, ${lastSeenOwners.active})
        is distinct from (excluded.label, excluded.owner, excluded.active)`,
    });
}

/**
 * What a list load needs, read under a row lock so concurrent loads of one user take turns. The
 * requests a crash left in flight are recorded as unknown entries first, once Exist has long
 * answered them (`now`); those still on their way are `inFlight`.
 */
export async function lockUserState(db: Db, username: string, now = new Date()) {
  await db.insert(userStates).values({ username }).onConflictDoNothing();
  const [state] = await db
    .select()
    .from(userStates)
    .where(eq(userStates.username, username))
    .for("update");
  await recordStaleFlights(db, username, now);
  const flights = await listFlights(db, username);
  const inFlight = flights.filter((item) => item.kind === "change").map((item) => item.attribute);
  const owners = await db
    .select()
    .from(lastSeenOwners)
    .where(eq(lastSeenOwners.username, username));
  // Only owner changes: the owners cannot tell whether a write whose answer was lost was made.
  const unknown = await db
    .select()
    .from(historyEntries)
    .where(
      and(
        eq(historyEntries.username, username),
        eq(historyEntries.outcome, "unknown"),
        eq(historyEntries.kind, "change"),
      ),
    );
  return { ownersSeenAt: state?.ownersSeenAt ?? null, owners, unknown, inFlight };
}

export async function insertObserved(
  db: Db,
  rows: ReadonlyArray<
    Pick<
      HistoryRow,
      "username" | "attribute" | "label" | "action" | "ownerBefore" | "ownerAfter"
    > & {
      seenSince: Date | null;
    }
  >,
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(historyEntries)
    .values(rows.map((row) => ({ ...row, kind: "observed" as const })));
}

export async function deleteOwners(db: Db, username: string, attributes: readonly string[]) {
  if (attributes.length === 0) return;
  await db
    .delete(lastSeenOwners)
    .where(
      and(
        eq(lastSeenOwners.username, username),
        inArray(lastSeenOwners.attribute, [...attributes]),
      ),
    );
}

export async function markOwnersSeen(db: Db, username: string, at: Date) {
  await db.update(userStates).set({ ownersSeenAt: at }).where(eq(userStates.username, username));
}
