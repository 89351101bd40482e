/**
 * The answers of GET /api/attributes and GET /api/templates, built from Exist's lists. Used by
 * the route handlers and by the attributes page's server-side prefetch.
 */
import "server-only";
import { NextResponse } from "next/server";
import { AttributesCache, attributesCache } from "@/lib/api/attributes-cache";
import type { AttributesResponse, TemplatesResponse } from "@/lib/api/contract";
import { observeOwners } from "@/lib/api/owners-seen";
import type { ExistClient, OwnershipOutcome } from "@/lib/exist/client";
import { writeAccess } from "@/lib/auth/token";
import type { ExistAttribute } from "@/lib/exist/schemas";

/** Exist's order: group priority, then attribute priority (then label, for a stable order). */
export function byExistOrder(a: ExistAttribute, b: ExistAttribute): number {
  return (
    a.group.priority - b.group.priority || a.priority - b.priority || a.label.localeCompare(b.label)
  );
}

export async function buildAttributesResponse(
  exist: ExistClient,
  scopes: readonly string[],
): Promise<AttributesResponse> {
  const [attributes, owned] = await Promise.all([exist.attributes(), exist.ownedAttributes()]);
  const ownedNames = new Set(owned.map((attribute) => attribute.name));
  return {
    attributes: attributes
      .map((attribute) => ({ ...attribute, ownedByApp: ownedNames.has(attribute.name) }))
      .sort(byExistOrder),
    ...writeAccess(scopes),
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

/**
 * POST /api/attributes/acquire and /release: Exist's answer as it is (200, or 202 with the
 * failed items). The user's cached list is dropped either way: even a failed call may have
 * changed some owners, so the next load must ask Exist.
 */
export async function changeOwnership(
  session: { username: string },
  change: () => Promise<OwnershipOutcome>,
): Promise<NextResponse> {
  try {
    const { status, result } = await change();
    return NextResponse.json(result, { status });
  } finally {
    attributesCache.forget(session.username);
  }
}

/** Templates the user has no attribute for yet. */
export async function buildTemplatesResponse(exist: ExistClient): Promise<TemplatesResponse> {
  const [templates, attributes] = await Promise.all([exist.templates(), exist.attributes()]);
  const used = new Set(attributes.map((attribute) => attribute.template ?? attribute.name));
  return {
    templates: templates
      .filter((template) => !used.has(template.name))
      .sort((a, b) => a.group.priority - b.group.priority || a.priority - b.priority),
  };
}
