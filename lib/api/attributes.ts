/**
 * The answers of GET /api/attributes and GET /api/templates, built from Exist's lists. Used by
 * the route handlers and by the attributes page's server-side prefetch.
 */
import "server-only";
import type { AttributesResponse, TemplatesResponse } from "@/lib/api/contract";
import type { ExistClient } from "@/lib/exist/client";
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
