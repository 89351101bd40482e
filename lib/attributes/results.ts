import type { OwnershipResponse } from "@/lib/api/contract";
import type { Attribute } from "./types";

export type ItemResult = {
  key: string;
  label: string;
  ok: boolean;
  reason: string | null;
  /** Exist's `error_code` for a failure (ours, e.g. `reauth_required`, for an untried item). */
  code?: string;
};

/** The name an acquire/release item refers to: `name`, or `template` for one made from a template. */
export function itemKey(item: Record<string, unknown>): string | null {
  if (typeof item.name === "string") return item.name;
  if (typeof item.template === "string") return item.template;
  return null;
}

export function failedKeys(result: OwnershipResponse): Set<string> {
  const keys = new Set<string>();
  for (const item of result.failed) {
    const key = itemKey(item);
    if (key) keys.add(key);
  }
  return keys;
}

/**
 * One line per item sent, in the order sent: succeeded, or failed with Exist's own reason.
 * An item Exist left out of both lists counts as succeeded only if it is not in `failed`.
 */
export function summarize(
  sent: ReadonlyArray<Record<string, unknown>>,
  result: OwnershipResponse,
  labels: ReadonlyMap<string, string>,
): ItemResult[] {
  const failures = new Map<string, { error: string; error_code: string }>();
  for (const item of result.failed) {
    const key = itemKey(item);
    if (key) failures.set(key, item);
  }
  return sent.flatMap((item): ItemResult[] => {
    const key = itemKey(item);
    if (!key) return [];
    const failure = failures.get(key);
    const label = labels.get(key) ?? key;
    if (!failure) return [{ key, label, ok: true, reason: null }];
    return [{ key, label, ok: false, reason: failure.error, code: failure.error_code }];
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
