/**
 * Records every change made here (acquire, release; and through record-write.ts, every write):
 * a row while Exist is called, then an entry per item with its outcome (observe-owners.ts
 * records the owner changes seen elsewhere). Only the Exist username, attribute names and
 * labels, days, and owners' names are stored; never a value.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { env } from "@/lib/env";
import { errorCodeFor } from "@/lib/api/errors";
import { flushSettlements, recordLater } from "@/lib/api/history/settle-later";
import { inBackground, withHistoryDb } from "@/lib/api/history/store";
import { ownersMemo } from "@/lib/api/history/owners-memo";
import {
  insertEntries,
  insertFlight,
  type Intent,
  type IntentItem,
  type NewEntry,
  type Settlement,
} from "@/lib/api/history/change-queries";
import type { OwnershipOutcome } from "@/lib/exist/client";
import { MAX_OBJECTS_PER_CALL } from "@/lib/exist/client";
import { currentRequestId } from "@/lib/exist/call-stats";
import { ExistError } from "@/lib/exist/errors";
import { APP_OWNER } from "@/lib/api/contract";

type Item = Record<string, unknown>;

const nameOf = (item: Item) =>
  typeof item.name === "string"
    ? item.name
    : typeof item.template === "string"
      ? item.template
      : "";

/** The new owner in a release's success item: a service object, a name, or none. */
function releasedTo(item: Item): string | null {
  const service = item.service;
  if (typeof service === "string") return service || null;
  if (service && typeof service === "object" && "label" in service) return String(service.label);
  return null;
}

function labelOf(item: Item, fallback: string): string {
  return typeof item.label === "string" ? item.label : fallback;
}

/** Outcomes per intent from Exist's answer; items it did not mention stay unknown. */
export function settlementsFor(
  action: "acquire" | "release",
  intents: readonly Intent[],
  outcome: OwnershipOutcome,
): Settlement[] {
  const open = [...intents];
  const take = (name: string) => {
    const index = open.findIndex((intent) => intent.attribute === name);
    return index < 0 ? undefined : open.splice(index, 1)[0];
  };
  const settlements: Settlement[] = [];
  for (const item of outcome.result.success) {
    const intent = take(nameOf(item));
    if (!intent) continue;
    const label = labelOf(item, intent.label);
    const ownerAfter = action === "acquire" ? APP_OWNER : releasedTo(item);
    settlements.push({ ...intent, label, outcome: "done", ownerAfter, errorCode: null });
  }
  const refused = (item: Item, errorCode: string) => {
    const intent = take(nameOf(item));
    if (!intent) return;
    settlements.push({ ...intent, outcome: "refused", ownerAfter: intent.ownerBefore, errorCode });
  };
  for (const item of outcome.result.failed) refused(item, item.error_code);
  // Items never sent are refused only when Exist refused the session or the rate; after a
  // timeout or an error they stay unknown, as the whole request would.
  const { untried } = outcome;
  const untriedCode = untried && refusedBy(untried.error);
  if (untried && untriedCode) for (const item of untried.items) refused(item, untriedCode);
  return settlements;
}

/** Exist refused the whole request (sign-in, rate limit): nothing changed. */
export function refusedBy(error: unknown): string | undefined {
  if (!(error instanceof ExistError)) return undefined;
  if (error.kind === "unauthorized" || error.kind === "rate_limited") return errorCodeFor(error);
  return undefined;
}

/** What one request records: one entry per item, and how Exist's answer settles them. */
export type Recording<O> = {
  kind: "change" | "write";
  action: string;
  items: readonly IntentItem[];
  /** Outcomes from Exist's answer; intents left out are recorded as unknown. */
  settle: (intents: readonly Intent[], outcome: O) => Settlement[];
};

/** Records an acquire or release around `change` (the call to Exist). */
export function recordChange(
  username: string,
  action: "acquire" | "release",
  items: readonly Item[],
  change: () => Promise<OwnershipOutcome>,
): Promise<OwnershipOutcome> {
  return record(
    username,
    {
      kind: "change",
      action,
      items: items.map((item) => ({ attribute: nameOf(item) })),
      settle: (intents, outcome) => settlementsFor(action, intents, outcome),
    },
    change,
  );
}

/**
 * Records a request around `change` (its calls to Exist). While the first call is on its way
 * (both wait on I/O, so neither waits for the other) one row says the request is in flight; once
 * Exist has answered, its entries are written whole with their outcomes, and the row goes in
 * the same statement. A crash in between leaves the row: the next list load records its items as
 * unknown and settles the owner changes by what Exist then reports. Only a crash in the
 * millisecond before the row lands loses the request.
 */
export async function record<O>(
  username: string,
  recording: Recording<O>,
  change: () => Promise<O>,
): Promise<O> {
  const { kind, action, items } = recording;
  const calls = Math.ceil(items.length / MAX_OBJECTS_PER_CALL);
  // A list load may settle these once Exist must have answered (or the request died).
  const settleAfter = new Date(Date.now() + calls * env().existTimeoutMs + 2_000);
  // The id of the request's log line, so that an entry leads to it.
  const requestId = currentRequestId() ?? randomUUID();
  // A new owner (acquire, release, a tag created) is the owners memo's business; a value is not.
  const ownersChange = kind === "change" || action === "create";
  const noteWrite = () => {
    if (ownersChange) ownersMemo.noteWrite(username);
  };
  // The next list load goes to the database: it has owners or outcomes to settle.
  noteWrite();
  // What earlier requests recorded goes first: history entries keep the order of the answers.
  flushSettlements();
  const changing = change();
  // After the call has left: the embedded database's statement runs on this thread.
  const flight = nextTurn().then(() =>
    withHistoryDb((db) =>
      insertFlight(db, { username, kind, action, items, requestId, settleAfter }),
    ),
  );
  // A list load meanwhile waits for it, so it never takes this change for one made elsewhere.
  inBackground(username, flight);
  // The items as Exist's answer is matched against them; labels and owners come from the
  // last-seen owners when the entries are written.
  const intents: Intent[] = items.map((item, id) => ({
    id,
    attribute: item.attribute,
    label: item.label ?? "",
    ownerBefore: null,
    day: item.day ?? null,
  }));
  let settlements: Settlement[];
  let outcome: O | undefined;
  let failure: { error: unknown } | undefined;
  try {
    outcome = await changing;
    const settled = recording.settle(intents, outcome);
    const ids = new Set(settled.map((s) => s.id));
    settlements = [...settled, ...unsettled(intents, ids)];
  } catch (error) {
    failure = { error };
    settlements = failed(intents, error);
  }
  const entryOf = (s: Settlement, flightId: number | undefined): NewEntry => ({
    username,
    kind,
    action,
    attribute: s.attribute,
    label: s.label || null,
    day: intents[s.id]?.day ?? null,
    outcome: s.outcome,
    ownerAfter: s.ownerAfter,
    errorCode: s.errorCode,
    requestId,
    // Exist's answer did not settle it: the next list load may, at once.
    settleAfter: s.outcome === "unknown" ? new Date() : null,
    flight: flightId,
  });
  const flightId = await flight;
  // In the request's order, whatever the order of Exist's answer.
  const entries = settlements.sort((a, b) => a.id - b.id).map((s) => entryOf(s, flightId));
  if (env().databaseUrl) {
    // A shared server is read by other instances too: the entries are written before the answer.
    await withHistoryDb((db) => insertEntries(db, entries));
    noteWrite();
  } else {
    // One process owns the embedded database: the entries are written after the answer, with
    // those of the requests around it (settle-later.ts); this process's reads wait for them.
    void recordLater(username, entries).finally(noteWrite);
  }
  if (failure) throw failure.error;
  return outcome as O;
}

/** Resolves on the event loop's next turn, after the I/O a call has started. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Intents without an outcome: Exist did not say (the next list load settles owner changes). */
function unsettled(intents: readonly Intent[], settled: ReadonlySet<number>): Settlement[] {
  return intents
    .filter((intent) => !settled.has(intent.id))
    .map((intent) => ({
      ...intent,
      outcome: "unknown" as const,
      ownerAfter: null,
      errorCode: null,
    }));
}

/**
 * The request failed: refused outright (sign-in, rate limit), nothing changed and the owners stay
 * as last seen; else (a timeout, no answer) Exist may or may not have made the change: unknown.
 */
function failed(intents: readonly Intent[], error: unknown): Settlement[] {
  const code = refusedBy(error);
  if (!code) return unsettled(intents, new Set());
  return intents.map((intent) => ({
    ...intent,
    outcome: "refused" as const,
    ownerAfter: null,
    errorCode: code,
  }));
}
