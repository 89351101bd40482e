/**
 * The items of a chunked write that Exist's answer leaves open (lib/exist/client.ts `Untried`),
 * in our contract's words: those of the call that failed are `unknown` when Exist may have acted
 * on them (the page reads them back), the others `untried` (never sent, or refused outright).
 */
import "server-only";
import type { ErrorCode } from "@/lib/api/contract";
import { OUTCOME_UNKNOWN_MESSAGE, errorCodeFor, outcomeUnknown } from "@/lib/api/errors";
import type { Untried } from "@/lib/exist/client";

type NotDone<I> = { items: I[]; code: ErrorCode; message: string };

export function notDone<T, I>(
  untried: Untried<T> | null,
  toItem: (item: T) => I,
): { unknown?: NotDone<I>; untried?: NotDone<I> } {
  if (!untried) return {};
  const { error, sent } = untried;
  const items = untried.items.map(toItem);
  const open = outcomeUnknown(error);
  const unknown = open ? items.slice(0, sent) : [];
  const never = open ? items.slice(sent) : items;
  return {
    ...(unknown.length > 0
      ? { unknown: { items: unknown, code: "outcome_unknown", message: OUTCOME_UNKNOWN_MESSAGE } }
      : {}),
    ...(never.length > 0
      ? { untried: { items: never, code: errorCodeFor(error), message: error.message } }
      : {}),
  };
}
