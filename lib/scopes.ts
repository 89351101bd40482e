/**
 * Everything the app decides from Exist's OAuth2 scopes: how to read them, which groups they let
 * the app read and write, what to ask for, and which scope a refusal says is missing. Scope names:
 * `<group>_read` and `<group>_write` per group, and `manual_read` / `manual_write` for manually
 * tracked attributes in any group (https://developer.exist.io/reference/authentication/oauth2/#scopes).
 * Plain code: used on the server and in the browser (the Allow buttons).
 */
import { EXIST_GROUPS } from "@/lib/exist/groups";

/** What a scope name looks like: a group (or `manual`), then `_read` or `_write`. */
export const SCOPE_NAME = /^[a-z]+_(read|write)$/;

/** Exist's `scope` string ("mood_read mood_write", sometimes `+`-joined) as a list. */
export function parseScopes(scope: string): string[] {
  return scope.split(/[\s+]+/).filter(Boolean);
}

/** Every group's read and write scope: what the app asks for unless EXIST_SCOPES says otherwise. */
// Pure: the page imports this module for its little functions, and without the mark the
// bundler keeps this list, and Exist's groups table with it, in every page's script.
export const DEFAULT_SCOPES: readonly string[] = /* @__PURE__ */ EXIST_GROUPS.flatMap((group) => [
  `${group.name}_read`,
  `${group.name}_write`,
]);

/** What the granted scopes let the app write: on the session and in GET /api/attributes. */
export type WriteAccess = {
  /** Groups whose `_write` scope is granted, in Exist's order. */
  writableGroups: string[];
  /** `manual_write` granted: manual attributes may be acquired in any group, with `manual`. */
  manualWrite: boolean;
};

export function writeAccess(scopes: readonly string[]): WriteAccess {
  const granted = new Set(scopes);
  return {
    writableGroups: EXIST_GROUPS.flatMap(({ name }) =>
      granted.has(`${name}_write`) ? [name] : [],
    ),
    manualWrite: granted.has("manual_write"),
  };
}

/** One scope and whether Exist granted it. */
export type Grant = { scope: string; granted: boolean };

export type GroupAccess = { name: string; label: string; read: Grant; write: Grant };

function grant(granted: ReadonlySet<string>, scope: string): Grant {
  return { scope, granted: granted.has(scope) };
}

/** Every Exist group, in Exist's order, with whether the granted scopes let the app read/write it. */
export function groupAccess(scopes: readonly string[]): GroupAccess[] {
  const granted = new Set(scopes);
  return EXIST_GROUPS.map(({ name, label }) => ({
    name,
    label,
    read: grant(granted, `${name}_read`),
    write: grant(granted, `${name}_write`),
  }));
}

/** `manual_read` / `manual_write`: manually tracked attributes in any group. */
export function manualAccess(scopes: readonly string[]): { read: Grant; write: Grant } {
  const granted = new Set(scopes);
  return { read: grant(granted, "manual_read"), write: grant(granted, "manual_write") };
}

type Writable = { group: { name: string }; manual: boolean };

/** Acquiring needs the group's `_write` scope, or `manual_write` for a manual attribute. */
export function canWrite(attribute: Writable, access: WriteAccess): boolean {
  if (access.writableGroups.includes(attribute.group.name)) return true;
  return attribute.manual && access.manualWrite;
}

/** Writable only through `manual_write`: acquiring must send `manual: true`. */
export function needsManual(attribute: Writable, access: WriteAccess): boolean {
  return !access.writableGroups.includes(attribute.group.name) && canWrite(attribute, access);
}

/** Why a group is read-only, or null when the app may write it. */
export function readOnlyReason(groupName: string, access: WriteAccess): string | null {
  if (access.writableGroups.includes(groupName)) return null;
  return `Read-only: this app was not granted ${groupName}_write`;
}

/**
 * What a new consent asks for to write `group`: everything already granted plus the group's
 * `_write`. Asking for less would take back what the person allowed before: Exist's token
 * carries exactly the scopes of its last consent.
 */
export function scopesToAllowWriting(granted: readonly string[], group: string): string {
  return [...new Set([...granted, `${group}_write`])].join(" ");
}

/**
 * The group whose `_write` scope Exist said was missing, from its failure message ("Missing scope
 * 'health_write' to acquire attribute 'weight'"), or null for any other failure.
 */
export function missingWriteGroup(reason: string | null | undefined): string | null {
  // No table of groups here: the page's copy would be bytes every visit for a name Exist gives.
  return /Missing scope '([a-z]+)_write'/.exec(reason ?? "")?.[1] ?? null;
}
