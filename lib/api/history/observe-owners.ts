/**
 * On each load of a user's list from Exist: settle this app's changes whose outcome is unknown
 * against the owners Exist now reports, and record every owner change made elsewhere since the
 * last load ("Sleep: Oura → Withings, seen between <last load> and now").
 */
import "server-only";
import { APP_OWNER } from "@/lib/api/contract";
import { settleEntries, type Settlement } from "@/lib/api/history/change-queries";
import type { HistoryRow } from "@/lib/api/history/entry-queries";
import {
  deleteOwners,
  insertObserved,
  lockUserState,
  markOwnersSeen,
  upsertOwners,
  type OwnerState,
} from "@/lib/api/history/owner-queries";
import { ownersDigest, ownersMemo } from "@/lib/api/history/owners-memo";
import { withHistoryDb, writesDone } from "@/lib/api/history/store";
import type { Db } from "@/lib/db/database";
import type { ExistAttribute } from "@/lib/exist/schemas";
import { env } from "@/lib/env";

type Listed = ExistAttribute & { ownedByApp: boolean };

export function ownerState(attribute: Listed): OwnerState {
  return {
    attribute: attribute.name,
    label: attribute.label,
    owner: attribute.ownedByApp ? APP_OWNER : (attribute.service?.label ?? null),
    active: attribute.active,
  };
}

/** An unknown change, judged by the owner Exist reports now. */
function settle(entry: HistoryRow, now: OwnerState | undefined): Settlement {
  const applied =
    entry.action === "acquire"
      ? now?.owner === APP_OWNER
      : now !== undefined && now.owner !== APP_OWNER;
  return {
    id: entry.id,
    attribute: entry.attribute,
    label: now?.label ?? entry.label,
    outcome: applied ? "done" : "not_done",
    ownerAfter: now?.owner ?? null,
    errorCode: null,
  };
}

function changeKind(before: OwnerState | undefined, after: OwnerState | undefined): string | null {
  if (!before) return "new";
  if (!after) return "removed";
  if (before.owner === after.owner && before.active === after.active) return null;
  return after.active ? "owner" : "inactive";
}

export async function observeOwners(username: string, attributes: readonly Listed[]) {
  const now = new Date();
  const current = new Map(attributes.map((attribute) => [attribute.name, ownerState(attribute)]));
  // The embedded database is this process's alone: owners it already holds need no statement.
  const embedded = !env().databaseUrl;
  const digest = embedded ? ownersDigest(current.values()) : "";
  if (embedded && ownersMemo.unchanged(username, digest, now)) return;

  const generation = ownersMemo.generation(username);
  await writesDone(username);
  const complete = await withHistoryDb((db) =>
    db.transaction((tx) =>
      observeIn(tx as unknown as Db, username, current, now, ownersMemo.confirmedAt(username)),
    ),
  );
  if (embedded && complete) ownersMemo.written(username, digest, generation, now);
  else ownersMemo.forget(username);
}

/**
 * Settles, records and stores; true when the database now holds exactly `current` (no change of
 * this app was still waiting for Exist's answer).
 */
async function observeIn(
  db: Db,
  username: string,
  current: ReadonlyMap<string, OwnerState>,
  now: Date,
  confirmedAt: Date | undefined,
): Promise<boolean> {
  const state = await lockUserState(db, username, now);
  const previous = new Map(state.owners.map((owner) => [owner.attribute, owner as OwnerState]));

  const due = state.unknown.filter((entry) => !entry.settleAfter || entry.settleAfter <= now);
  // A change still waiting for Exist's answer: its entry updates that owner.
  const inFlight = new Set([
    ...state.inFlight,
    ...state.unknown.filter((entry) => !due.includes(entry)).map((entry) => entry.attribute),
  ]);
  const settlements = due.map((entry) => settle(entry, current.get(entry.attribute)));
  await settleEntries(db, username, settlements);
  for (const settled of settlements) {
    const seen = current.get(settled.attribute);
    if (settled.outcome === "done" && seen) previous.set(settled.attribute, seen);
  }

  const firstLoad = state.ownersSeenAt === null;
  // Loads the memo answered confirmed the owners later than the database's last write.
  const seenSince =
    confirmedAt && state.ownersSeenAt && confirmedAt > state.ownersSeenAt
      ? confirmedAt
      : state.ownersSeenAt;
  const observed = [];
  const changed: OwnerState[] = [];
  for (const name of new Set([...previous.keys(), ...current.keys()])) {
    if (inFlight.has(name)) continue;
    const before = previous.get(name);
    const after = current.get(name);
    const kind = changeKind(before, after);
    if (after && (kind || before?.label !== after.label)) changed.push(after);
    if (!kind || firstLoad) continue;
    observed.push({
      username,
      attribute: name,
      label: after?.label ?? before?.label ?? name,
      action: kind,
      ownerBefore: before?.owner ?? null,
      ownerAfter: after?.owner ?? null,
      seenSince,
    });
  }
  await insertObserved(db, observed);
  await upsertOwners(db, username, changed);
  await deleteOwners(
    db,
    username,
    [...previous.keys()].filter((name) => !current.has(name) && !inFlight.has(name)),
  );
  await markOwnersSeen(db, username, now);
  return inFlight.size === 0;
}
