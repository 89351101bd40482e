/**
 * A write Exist refused because the attribute no longer belongs to this app (another service
 * took it on Exist's own pages): its owner now, from a fresh read of those attributes, so the
 * page can say who and offer to acquire it again. Never acquired here: that is the person's call.
 */
import "server-only";
import { attributesCache } from "@/lib/api/attributes-cache";
import type { Attribute, Service } from "@/lib/api/contract";
import { mergeChanged } from "@/lib/attributes/merge";
import type { ExistClient } from "@/lib/exist/client";
import type { ExistAttribute } from "@/lib/exist/schemas";
import { missingWriteGroup } from "@/lib/scopes";

type Refusal = { name: string; error_code: string; error: string; owner?: Service | null };

/** `unauthorised` for want of ownership, not of a scope (Exist words both the same code). */
export function ownerLost(item: Pick<Refusal, "error_code" | "error">): boolean {
  return item.error_code === "unauthorised" && missingWriteGroup(item.error) === null;
}

/**
 * Sets `owner` on each refusal for want of ownership, and puts those attributes, no longer this
 * app's, in the user's cached list. One call to Exist; if it fails, the owners stay unnamed and
 * the cached list is dropped (it still says this app owns them).
 */
export async function nameOwners(
  exist: ExistClient,
  username: string,
  refusals: Refusal[],
): Promise<void> {
  const lost = refusals.filter(ownerLost);
  if (lost.length === 0) return;
  let fresh: ExistAttribute[];
  try {
    fresh = await exist.attributesNamed([...new Set(lost.map((item) => item.name))]);
  } catch {
    attributesCache.forget(username);
    return;
  }
  const byName = new Map(fresh.map((attribute) => [attribute.name, attribute]));
  for (const item of lost) {
    const attribute = byName.get(item.name);
    if (!attribute) continue;
    item.owner = attribute.service && {
      name: attribute.service.name,
      label: attribute.service.label,
    };
  }
  const changed: Attribute[] = fresh.map((attribute) => ({ ...attribute, ownedByApp: false }));
  attributesCache.update(username, (list) => ({
    ...list,
    attributes: mergeChanged(list.attributes, changed),
  }));
}
