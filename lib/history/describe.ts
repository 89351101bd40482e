/**
 * History entries in words, for the /history table and "Since your last visit". Plain code:
 * server components and the browser both use it.
 */
import type { HistoryEntry } from "@/lib/api/contract";
import { shortDate } from "@/lib/attributes/days";

type Entry = Pick<
  HistoryEntry,
  | "kind"
  | "action"
  | "day"
  | "ownerBefore"
  | "ownerAfter"
  | "outcome"
  | "errorCode"
  | "seenSince"
  | "createdAt"
>;

const WHAT: Record<string, string> = {
  acquire: "Acquired here",
  release: "Released here",
  owner: "Owner changed elsewhere",
  inactive: "Became inactive elsewhere",
  new: "Appeared",
  removed: "Removed",
  update: "Logged here",
  increment: "Added to total here",
  create: "Tag created here",
};

const owner = (name: string | null) => name ?? "no owner";

/** An ISO time, in UTC so the server's HTML and the browser agree. */
export function formatTime(iso: string): string {
  return `${new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC`;
}

export function describeWhat(entry: Entry): string {
  return WHAT[entry.action] ?? entry.action;
}

/** The second line of what happened: owners for a change, the day for a value written. */
export function describeOwners(entry: Entry): string {
  if (entry.kind === "write") {
    if (entry.action === "create") return entry.outcome === "done" ? "Owner: this app" : "New tag";
    return entry.day ? `For ${formatDay(entry.day)}` : "";
  }
  if (entry.action === "new") return `Owner: ${owner(entry.ownerAfter)}`;
  if (entry.action === "removed") return `Was owned by ${owner(entry.ownerBefore)}`;
  if (entry.kind === "change" && entry.outcome !== "done" && entry.ownerAfter === null) {
    return `Owner before: ${owner(entry.ownerBefore)}`;
  }
  return `${owner(entry.ownerBefore)} → ${owner(entry.ownerAfter)}`;
}

/** A stored day (YYYY-MM-DD, the person's own date) as "Tue 3 Mar 2026". */
export function formatDay(day: string): string {
  return `${shortDate(day)} ${day.slice(0, 4)}`;
}

export function describeOutcome(entry: Entry): string {
  if (entry.kind === "write") return describeWriteOutcome(entry);
  if (entry.kind === "observed") {
    return entry.seenSince
      ? `Seen between ${formatTime(entry.seenSince)} and ${formatTime(entry.createdAt)}`
      : `Seen ${formatTime(entry.createdAt)}`;
  }
  switch (entry.outcome) {
    case "done":
      return "Done";
    case "refused":
      return `Refused by Exist (${entry.errorCode ?? "no code"})`;
    case "not_done":
      return "Not done (checked against Exist later)";
    default:
      return "Unknown: Exist did not answer in time";
  }
}

function describeWriteOutcome(entry: Entry): string {
  switch (entry.outcome) {
    case "done":
      return "Done";
    case "refused":
      return `Refused by Exist (${entry.errorCode ?? "no code"})`;
    case "not_done":
      return "Not sent: an earlier call to Exist failed";
    default:
      return entry.action === "create"
        ? "Unknown: Exist's answer was lost (see whether the tag is in your list)"
        : "Unknown: Exist's answer was lost (check the day's value)";
  }
}
