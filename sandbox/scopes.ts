/**
 * OAuth2 scopes: https://developer.exist.io/reference/authentication/oauth2/#scopes
 */
import type { AttributeRecord } from "./attributes";
import { ALL_SCOPES, GROUPS, scopeLabel } from "./exist-facts";

export { ALL_SCOPES };

const KNOWN = new Set(ALL_SCOPES);

/** Scopes come space- or `+`-separated (`scope=activity_read+mood_read`). */
export function parseScopes(raw: string | undefined): string[] {
  const scopes = (raw ?? "").split(/[\s+]+/).filter(Boolean);
  return [...new Set(scopes)];
}

export function unknownScopes(scopes: readonly string[]): string[] {
  return scopes.filter((scope) => !KNOWN.has(scope));
}

/** Exist's wording on its consent page. */
export function describeScope(scope: string): string {
  if (scope === "manual_read") return "Read any manually tracked attribute";
  if (scope === "manual_write") return "Write any manually tracked attribute";
  const match = /^(.+)_(read|write)$/.exec(scope);
  const group = GROUPS.find((candidate) => candidate.name === match?.[1]);
  if (!match || !group) return scope;
  return `${match[2] === "read" ? "Read" : "Write"} your ${scopeLabel(group)} data`;
}

/** Visible when the group's read scope is granted, or it is manual and `manual_read` is. */
export function canRead(attribute: AttributeRecord, scopes: ReadonlySet<string>): boolean {
  return scopes.has(`${attribute.group}_read`) || (attribute.manual && scopes.has("manual_read"));
}

/**
 * The scope that is missing to acquire an attribute of `group`, or null when allowed.
 * `manual_write` covers any group when the object asks for `manual: true`.
 */
export function missingWriteScope(
  group: string,
  manual: boolean,
  scopes: ReadonlySet<string>,
): string | null {
  if (scopes.has(`${group}_write`)) return null;
  if (manual && scopes.has("manual_write")) return null;
  return `${group}_write`;
}
