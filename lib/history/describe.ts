/**
 * History entries in words, for the /history table and "Since your last visit". Plain code:
 * server components and the browser both use it.
 */
import type { HistoryEntry } from "@/lib/api/contract";

type Entry = Pick<
  HistoryEntry,
  | "kind"
  | "action"
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
};

const owner = (name: string | null) => name ?? "no owner";

/** An ISO time, in UTC so the server's HTML and the browser agree. */
export function formatTime(iso: string): string {
  return `${new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC`;
}

export function describeWhat(entry: Entry): string {
  return WHAT[entry.action] ?? entry.action;
}

export function describeOwners(entry: Entry): string {
  if (entry.action === "new") return `Owner: ${owner(entry.ownerAfter)}`;
  if (entry.action === "removed") return `Was owned by ${owner(entry.ownerBefore)}`;
  if (entry.kind === "change" && entry.outcome !== "done" && entry.ownerAfter === null) {
    return `Owner before: ${owner(entry.ownerBefore)}`;
  }
  return `${owner(entry.ownerBefore)} → ${owner(entry.ownerAfter)}`;
}

export function describeOutcome(entry: Entry): string {
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
