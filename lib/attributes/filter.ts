import type { Attribute } from "./types";

export type AttributeFilter = {
  /** Matched against label and name, case-insensitively. */
  query: string;
  /** A group name, or "" for every group. */
  group: string;
  ownedByAppOnly: boolean;
};

export const NO_FILTER: AttributeFilter = { query: "", group: "", ownedByAppOnly: false };

export function matchesFilter(attribute: Attribute, filter: AttributeFilter): boolean {
  if (filter.group && attribute.group.name !== filter.group) return false;
  if (filter.ownedByAppOnly && !attribute.ownedByApp) return false;
  const query = filter.query.trim().toLowerCase();
  if (!query) return true;
  return (
    attribute.label.toLowerCase().includes(query) || attribute.name.toLowerCase().includes(query)
  );
}

export function filterAttributes(
  attributes: readonly Attribute[],
  filter: AttributeFilter,
): Attribute[] {
  return attributes.filter((attribute) => matchesFilter(attribute, filter));
}
