/**
 * What the granted scopes let the app do, per Exist group, and the scopes to ask for when the
 * person allows one more group to be written. Scope names and wording:
 * https://developer.exist.io/reference/authentication/oauth2/#scopes
 * Plain data: used on the server (the access page) and in the browser (the Allow buttons).
 */
import { EXIST_GROUPS } from "@/lib/exist/groups";

export type GroupAccess = { name: string; label: string; read: boolean; write: boolean };

/** Every Exist group, in Exist's order, with whether the granted scopes let the app read/write it. */
export function groupAccess(scopes: readonly string[]): GroupAccess[] {
  const granted = new Set(scopes);
  return EXIST_GROUPS.map(({ name, label }) => ({
    name,
    label,
    read: granted.has(`${name}_read`),
    write: granted.has(`${name}_write`),
  }));
}

/** `manual_read` / `manual_write`: manually tracked attributes in any group. */
export function manualAccess(scopes: readonly string[]) {
  return { read: scopes.includes("manual_read"), write: scopes.includes("manual_write") };
}

/**
 * What a new consent asks for to write `group`: everything already granted plus the group's
 * `_write`. Asking for less would take back what the person allowed before: Exist's token
 * carries exactly the scopes of its last consent.
 */
export function scopesToAllowWriting(granted: readonly string[], group: string): string {
  return [...new Set([...granted, `${group}_write`])].join(" ");
}

export function groupLabel(name: string): string {
  return EXIST_GROUPS.find((group) => group.name === name)?.label ?? name;
}

/**
 * The group whose `_write` scope Exist said was missing, from its failure message ("Missing scope
 * 'health_write' to acquire attribute 'weight'"), or null for any other failure.
 */
export function missingWriteGroup(reason: string | null | undefined): string | null {
  const name = /Missing scope '([a-z]+)_write'/.exec(reason ?? "")?.[1];
  return name && EXIST_GROUPS.some((group) => group.name === name) ? name : null;
}

/** The query parameter the app adds when the person chose Deny on Exist's page for more access. */
export const CONSENT_DECLINED = { param: "consent", value: "declined" } as const;
