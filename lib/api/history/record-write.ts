/**
 * Records the writes made here: each value logged (`update`) or added (`increment`), by
 * attribute and day, and each tag created (`create`, with record-change.ts's recorder: a row
 * while Exist is called, the entries after). Never the value itself.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { APP_OWNER } from "@/lib/api/contract";
import { env } from "@/lib/env";
import type { Intent, Settlement } from "@/lib/api/history/change-queries";
import { record, refusedBy } from "@/lib/api/history/record-change";
import { recordLater } from "@/lib/api/history/settle-later";
import { currentRequestId } from "@/lib/exist/call-stats";
import type { ChunkedOutcome } from "@/lib/exist/client";
import type { CreateObject, ValueObject } from "@/lib/exist/schemas";

type Item = Record<string, unknown>;
const text = (value: unknown) => (typeof value === "string" ? value : undefined);

/**
 * Outcomes per intent from a chunked write's answer: `find` picks the open intent an item of
 * Exist's answer (or an item sent) is about. A call whose answer was lost leaves its items
 * unknown, unless Exist refused it outright; items after it were never sent: not done.
 */
export function writeSettlements<T extends object>(
  intents: readonly Intent[],
  outcome: ChunkedOutcome<T>,
  find: (open: readonly Intent[], item: Item) => number,
  done: (intent: Intent, item: Item) => Settlement,
): Settlement[] {
  const open = [...intents];
  const take = (item: Item) => {
    const index = find(open, item);
    return index < 0 ? undefined : open.splice(index, 1)[0];
  };
  const settlements: Settlement[] = [];
  const settle = (item: Item, outcome: Settlement["outcome"], errorCode: string | null) => {
    const intent = take(item);
    if (intent) settlements.push({ ...intent, outcome, ownerAfter: null, errorCode });
  };
  for (const item of outcome.result.success) {
    const intent = take(item);
    if (intent) settlements.push(done(intent, item));
  }
  for (const item of outcome.result.failed) settle(item, "refused", item.error_code);
  const { untried } = outcome;
  if (untried) {
    const refused = refusedBy(untried.error);
    untried.items.forEach((item, index) => {
      if (index >= untried.sent) settle(item as Item, "not_done", null);
      else if (refused) settle(item as Item, "refused", refused);
    });
  }
  return settlements;
}

/** The open intent for a value: same attribute and day (Exist may leave the day out). */
function findValue(open: readonly Intent[], item: Item): number {
  const date = text(item.date);
  return open.findIndex(
    (intent) => intent.attribute === item.name && (date === undefined || intent.day === date),
  );
}

/** The open intent for a tag: same label, else the first (Exist's answers keep the order). */
function findTag(open: readonly Intent[], item: Item): number {
  const index = open.findIndex((intent) => intent.label === item.label);
  return index >= 0 || open.length === 0 ? index : 0;
}

/**
 * Records an update or increment of `items` around `change` (its calls to Exist). `labelOf`
 * names each attribute as the person sees it (else the last list load's label is looked up).
 *
 * On the embedded database, a value written is recorded whole once Exist has answered, with the
 * writes around it in one statement (settle-later.ts): no statement runs before the call or
 * before the answer. A value changes no owner, so no list load needs its intent; the price is
 * that a crash of the server while the call is under way leaves that write out of the history.
 * A shared server keeps the in-flight row first (record-change.ts): other instances read it.
 */
export async function recordValues(
  username: string,
  mode: "update" | "increment",
  items: readonly ValueObject[],
  change: () => Promise<ChunkedOutcome<ValueObject>>,
  labelOf: (name: string) => string | undefined = () => undefined,
): Promise<ChunkedOutcome<ValueObject>> {
  const intentItems = items.map((item) => ({
    attribute: item.name,
    label: labelOf(item.name),
    day: item.date,
  }));
  const settle = (intents: readonly Intent[], outcome: ChunkedOutcome<ValueObject>) =>
    writeSettlements(intents, outcome, findValue, (intent) => ({
      ...intent,
      outcome: "done" as const,
      ownerAfter: null,
      errorCode: null,
    }));
  if (env().databaseUrl) {
    return record(username, { kind: "write", action: mode, items: intentItems, settle }, change);
  }
  // Stand-ins for the intents, numbered as the items are: the outcomes are matched as usual.
  const intents: Intent[] = intentItems.map((item, id) => ({
    id,
    attribute: item.attribute,
    label: item.label ?? item.attribute,
    ownerBefore: null,
    day: item.day,
  }));
  const requestId = currentRequestId() ?? randomUUID();
  const recordAll = (outcomes: ReadonlyMap<number, Pick<Settlement, "outcome" | "errorCode">>) => {
    const entries = intents.map((intent) => {
      const settled = outcomes.get(intent.id) ?? { outcome: "unknown" as const, errorCode: null };
      return {
        username,
        kind: "write" as const,
        action: mode,
        attribute: intent.attribute,
        label: intent.label,
        day: intent.day,
        requestId,
        outcome: settled.outcome,
        errorCode: settled.errorCode,
      };
    });
    void recordLater(username, entries);
  };
  let outcome: ChunkedOutcome<ValueObject>;
  try {
    outcome = await change();
  } catch (error) {
    // Refused outright (sign-in, rate limit): not written; else the answer was lost: unknown.
    const code = refusedBy(error);
    const refused = { outcome: "refused" as const, errorCode: code ?? null };
    recordAll(new Map(code ? intents.map((intent) => [intent.id, refused]) : []));
    throw error;
  }
  recordAll(new Map(settle(intents, outcome).map((s) => [s.id, s])));
  return outcome;
}

/** Records the creation of tags around `change`; each gets its name from Exist's answer. */
export function recordTags(
  username: string,
  items: readonly CreateObject[],
  change: () => Promise<ChunkedOutcome<CreateObject>>,
): Promise<ChunkedOutcome<CreateObject>> {
  return record(
    username,
    {
      kind: "write",
      action: "create",
      items: items.map((item) => ({ attribute: "", label: item.label })),
      settle: (intents, outcome) =>
        writeSettlements(intents, outcome, findTag, (intent, item) => ({
          ...intent,
          attribute: text(item.name) ?? intent.attribute,
          label: text(item.label) ?? intent.label,
          outcome: "done",
          ownerAfter: APP_OWNER,
          errorCode: null,
        })),
    },
    change,
  );
}
