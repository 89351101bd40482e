/**
 * The filters of `GET /api/2/attributes/` and `/owned/`:
 * https://developer.exist.io/reference/attributes/#get-a-users-attributes
 */
import { sortedAttributes, type AttributeRecord } from "./attributes";
import type { Template } from "./catalogue";
import { readFlag, readList } from "./paging";
import { canRead } from "./scopes";

export type Query = Record<string, string | undefined>;

export type ListContext = {
  scopes: ReadonlySet<string>;
  /** This client's service name, for `owned`. */
  ownService: string;
  /** `/owned/` behaves as if `owned=true` were always given. */
  ownedOnly: boolean;
};

/** Low priority means `priority >= 10`, hidden unless `include_low_priority=true`. */
export const LOW_PRIORITY = 10;

export function filterAttributes(
  records: Iterable<AttributeRecord>,
  query: Query,
  context: ListContext,
): AttributeRecord[] {
  const groups = readList(query.groups);
  const names = readList(query.attributes);
  const excludeCustom = readFlag(query.exclude_custom) === true;
  const manual = readFlag(query.manual);
  const includeInactive = readFlag(query.include_inactive) === true;
  const includeLow = readFlag(query.include_low_priority) === true;
  const owned = context.ownedOnly || readFlag(query.owned) === true;
  return sortedAttributes(records).filter(
    (record) =>
      canRead(record, context.scopes) &&
      (!groups || groups.has(record.group)) &&
      (!names || names.has(record.name)) &&
      (!excludeCustom || record.template !== null) &&
      (manual === undefined || record.manual === manual) &&
      (includeInactive || record.active) &&
      (includeLow || record.priority < LOW_PRIORITY) &&
      (!owned || record.service === context.ownService),
  );
}

/** `GET /api/2/attributes/templates/`: `groups` and `include_low_priority`. */
export function filterTemplates(templates: readonly Template[], query: Query): Template[] {
  const groups = readList(query.groups);
  const includeLow = readFlag(query.include_low_priority) === true;
  return templates.filter(
    (template) =>
      (!groups || groups.has(template.group)) && (includeLow || template.priority < LOW_PRIORITY),
  );
}
