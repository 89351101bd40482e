import type { ErrorCode, OwnershipResponse } from "@/lib/api/contract";
import type { Attribute } from "./types";

export type ItemResult = {
  key: string;
  label: string;
  ok: boolean;
  reason: string | null;
  /** Set for an item never sent to Exist: why, in our API's code (e.g. `reauth_required`). */
  untried?: ErrorCode;
};

/** The name an acquire/release item refers to: `name`, or `template` for one made from a template. */
export function itemKey(item: Record<string, unknown>): string | null {
  if (typeof item.name === "string") return item.name;
  if (typeof item.template === "string") return item.template;
  return null;
}

type Failure = Pick<ItemResult, "reason" | "untried">;

/** Every item that was not done, by key: refused by Exist (its reason), or never sent (ours). */
function failures(result: OwnershipResponse): Map<string, Failure> {
  const byKey = new Map<string, Failure>();
  for (const item of result.failed) {
    const key = itemKey(item);
    if (key) byKey.set(key, { reason: item.error });
  }
  if (result.untried) {
    const { items, code, message } = result.untried;
    for (const item of items) {
      const key = itemKey(item);
      if (key) byKey.set(key, { reason: message, untried: code });
    }
  }
  return byKey;
}

/** Whether Exist did everything asked: nothing refused, nothing left unsent. */
export function allDone(result: OwnershipResponse): boolean {
  return result.failed.length === 0 && !result.untried;
}

export function failedKeys(result: OwnershipResponse): Set<string> {
  return new Set(failures(result).keys());
}

/**
 * One line per item sent, in the order sent: succeeded, or failed with Exist's own reason (or
 * ours, for an item never sent). An item Exist left out of both lists counts as succeeded.
 */
export function summarize(
  sent: ReadonlyArray<Record<string, unknown>>,
  result: OwnershipResponse,
  labels: ReadonlyMap<string, string>,
): ItemResult[] {
  const failed = failures(result);
  return sent.flatMap((item): ItemResult[] => {
    const key = itemKey(item);
    if (!key) return [];
    const failure = failed.get(key);
    const label = labels.get(key) ?? key;
    if (!failure) return [{ key, label, ok: true, reason: null }];
    return [{ key, label, ok: false, ...failure }];
  });
}

export function labelMap(attributes: readonly Attribute[]): Map<string, string> {
  return new Map(attributes.map((attribute) => [attribute.name, attribute.label]));
}

/** "Acquired 38 of 40 attributes; 2 failed." */
export function summaryText(action: "acquire" | "release", results: readonly ItemResult[]): string {
  const done = results.filter((result) => result.ok).length;
  const verb = action === "acquire" ? "Acquired" : "Released";
  const noun = results.length === 1 ? "attribute" : "attributes";
  const failed = results.length - done;
  const tail = failed > 0 ? `; ${failed} failed.` : ".";
  return `${verb} ${done} of ${results.length} ${noun}${tail}`;
}
