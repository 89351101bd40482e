/** History entries in words, for the /history table and "Since your last visit". */

/** How the history names this app as an owner (lib/api/history/record-change.ts records it). */
export const APP_OWNER_LABEL = "this app";
type Entry = {
  kind: "change" | "observed";
  action: string;
  ownerBefore: string | null;
  ownerAfter: string | null;
  outcome: string | null;
  errorCode: string | null;
  seenSince: Date | null;
  createdAt: Date;
};

const WHAT: Record<string, string> = {
  acquire: "Acquired here",
  release: "Released here",
  owner: "Owner changed elsewhere",
  inactive: "Became inactive elsewhere",
  new: "Appeared",
  removed: "Removed",
};

const owner = (name: string | null) => name ?? "no owner";

export function formatTime(date: Date): string {
  return `${date.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC`;
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
