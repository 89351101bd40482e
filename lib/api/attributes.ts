/**
 * The answers of GET /api/attributes and GET /api/templates, built from Exist's lists. Used by
 * the route handlers and by the attributes page's server-side prefetch.
 */
import "server-only";
import { NextResponse } from "next/server";
import { AttributesCache, attributesCache } from "@/lib/api/attributes-cache";
import type {
  AttributesResponse,
  OwnershipResponse,
  TemplatesResponse,
  UntriedItems,
} from "@/lib/api/contract";
import { errorCodeFor } from "@/lib/api/errors";
import { byExistOrder, changedAttributes, mergeChanged } from "@/lib/attributes/merge";
import { observeOwners } from "@/lib/api/history/observe-owners";
import { recordChange } from "@/lib/api/history/record-change";
import type { ExistClient, OwnershipOutcome, Untried } from "@/lib/exist/client";
import { existConfig } from "@/lib/exist/config";
import { writeAccess } from "@/lib/scopes";

export { byExistOrder };

export async function buildAttributesResponse(
  exist: ExistClient,
  scopes: readonly string[],
): Promise<AttributesResponse> {
  const [attributes, owned] = await Promise.all([exist.attributes(), exist.ownedAttributes()]);
  const ownedNames = new Set(owned.map((attribute) => attribute.name));
  return {
    // zod's parse already made these objects ours: marked in place, not copied a second time.
    attributes: attributes
      .map((attribute) => Object.assign(attribute, { ownedByApp: ownedNames.has(attribute.name) }))
      .sort(byExistOrder),
    ...writeAccess(scopes),
    existAttributesUrl: `${existConfig().baseUrl}/account/attributes/`,
  };
}

/**
 * GET /api/attributes's answer from the per-user cache when it is there and `fresh` is not
 * asked for; otherwise from Exist, stored for the next load.
 */
export async function loadAttributes(
  exist: ExistClient,
  session: { username: string; scopes: readonly string[]; refreshToken: string },
  fresh: boolean,
): Promise<AttributesResponse> {
  const key = AttributesCache.key(session.username, session.scopes, session.refreshToken);
  if (!fresh) {
    const cached = attributesCache.get(key);
    if (cached) return cached;
  }
  const generation = attributesCache.generation(session.username);
  const answer = await buildAttributesResponse(exist, session.scopes);
  await observeOwners(session.username, answer.attributes);
  attributesCache.set(session.username, key, answer, generation);
  return answer;
}

type Session = { username: string; scopes: readonly string[]; refreshToken: string };

/**
 * POST /api/attributes/acquire and /release: `change` (the call to Exist for `items`) recorded in
 * the history, and Exist's answer as it is (200, or 202 with the failed items), plus the items
 * never sent when a later call failed; with `success_objects=true` its success items are the
 * changed attributes, which also update the user's cached list. When anything was not done (or
 * Exist sent no whole objects) the cached list is dropped instead: even a failed call may have
 * changed some owners.
 */
export async function changeOwnership(
  session: { username: string },
  action: "acquire" | "release",
  items: Parameters<typeof recordChange>[2],
  change: () => Promise<OwnershipOutcome>,
): Promise<NextResponse> {
  let changed: ReturnType<typeof changedAttributes> = null;
  try {
    const { status, result, untried } = await recordChange(session.username, action, items, change);
    changed = result.failed.length === 0 && !untried ? changedAttributes(result, action) : null;
    const answer: OwnershipResponse = {
      success: changed ?? result.success,
      failed: result.failed,
      ...(untried ? { untried: untriedItems(untried) } : {}),
    };
    return NextResponse.json(answer, { status });
  } finally {
    const update = changed;
    if (update) {
      attributesCache.update(session.username, (list) => ({
        ...list,
        attributes: mergeChanged(list.attributes, update),
      }));
    } else {
      attributesCache.forget(session.username);
    }
  }
}

function untriedItems({ items, error }: Untried): UntriedItems {
  return { items, code: errorCodeFor(error), message: error.message };
}

/** Templates the user has no attribute for yet; the user's attributes from the cached list. */
export async function buildTemplatesResponse(
  exist: ExistClient,
  session: Session,
): Promise<TemplatesResponse> {
  const [templates, { attributes }] = await Promise.all([
    exist.templates(),
    loadAttributes(exist, session, false),
  ]);
  const used = new Set(attributes.map((attribute) => attribute.template ?? attribute.name));
  return {
    templates: templates
      .filter((template) => !used.has(template.name))
      .sort((a, b) => a.group.priority - b.group.priority || a.priority - b.priority),
  };
}
