import type { Attribute } from "./types";

/** Owner filter values that are not a service's name (Exist's service names are [a-z0-9_]). */
export const OWNER_APP = "this-app";
export const OWNER_INACTIVE = "inactive";
export const OWNER_STALLED = "not-getting-data";

export type AttributeFilter = {
  /** Matched against label and name, case-insensitively. */
  query: string;
  /** A group name, or "" for every group. */
  group: string;
  ownedByAppOnly: boolean;
  /** A service's name, OWNER_APP, OWNER_INACTIVE, OWNER_STALLED, or "" for any owner. */
  owner: string;
};

export const NO_FILTER: AttributeFilter = {
  query: "",
  group: "",
  ownedByAppOnly: false,
  owner: "",
};

function matchesOwner(attribute: Attribute, owner: string, stalled: ReadonlySet<string>): boolean {
  if (!owner) return true;
  if (owner === OWNER_APP) return attribute.ownedByApp;
  if (owner === OWNER_INACTIVE) return !attribute.active;
  if (owner === OWNER_STALLED) return stalled.has(attribute.name);
  return !attribute.ownedByApp && attribute.active && attribute.service?.name === owner;
}

export function matchesFilter(
  attribute: Attribute,
  filter: AttributeFilter,
  stalled: ReadonlySet<string> = new Set(),
): boolean {
  if (filter.group && attribute.group.name !== filter.group) return false;
  if (filter.ownedByAppOnly && !attribute.ownedByApp) return false;
  if (!matchesOwner(attribute, filter.owner, stalled)) return false;
  const query = filter.query.trim().toLowerCase();
  if (!query) return true;
  return (
    attribute.label.toLowerCase().includes(query) || attribute.name.toLowerCase().includes(query)
  );
}

export function filterAttributes(
  attributes: readonly Attribute[],
  filter: AttributeFilter,
  stalled: ReadonlySet<string> = new Set(),
): Attribute[] {
  return attributes.filter((attribute) => matchesFilter(attribute, filter, stalled));
}

type Params = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value) ?? "";

/** The filter a URL's query string describes (`?q=steps&group=activity&owner=oura&mine=1`). */
export function filterFromParams(params: Params): AttributeFilter {
  return {
    query: first(params.q).slice(0, 200),
    group: first(params.group).slice(0, 100),
    owner: first(params.owner).slice(0, 100),
    ownedByAppOnly: first(params.mine) === "1",
  };
}

/** The query string for a filter: empty parts left out, so no filter is a bare URL. */
export function filterToSearch(filter: AttributeFilter): string {
  const params = new URLSearchParams();
  if (filter.query) params.set("q", filter.query);
  if (filter.group) params.set("group", filter.group);
  if (filter.owner) params.set("owner", filter.owner);
  if (filter.ownedByAppOnly) params.set("mine", "1");
  const search = params.toString();
  return search ? `?${search}` : "";
}
