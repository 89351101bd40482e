import type { Attribute, WriteAccess } from "./types";

/** Acquiring needs the group's `_write` scope, or `manual_write` for a manual attribute. */
export function canWrite(attribute: Attribute, access: WriteAccess): boolean {
  if (access.writableGroups.includes(attribute.group.name)) return true;
  return attribute.manual && access.manualWrite;
}

/** Writable only through `manual_write`: acquiring must send `manual: true`. */
export function needsManual(attribute: Attribute, access: WriteAccess): boolean {
  return !access.writableGroups.includes(attribute.group.name) && canWrite(attribute, access);
}

/** Why a group is read-only, or null when the app may write it. */
export function readOnlyReason(groupName: string, access: WriteAccess): string | null {
  if (access.writableGroups.includes(groupName)) return null;
  return `Read-only: this app was not granted ${groupName}_write`;
}
