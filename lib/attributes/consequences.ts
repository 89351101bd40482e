/**
 * What a change of owner does, in the confirmations' words: to the owner, and to the data. Apart
 * from wording.ts (what the list shows) because only the lazy-loaded dialogs say it.
 */
import { relativeDay } from "./days";
import type { Attribute } from "./types";
import { releaseTarget } from "./wording";

export function releaseConsequence(attribute: Attribute): string {
  const target = releaseTarget(attribute);
  if (target)
    return `Ownership of ${attribute.label} passes to ${target.label}, which can supply it.`;
  return `No other connected service can supply ${attribute.label}, so it becomes inactive until a service acquires it.`;
}

/** What acquiring does to the current owner, in the confirmation's words. */
export function acquireConsequence(attribute: Attribute): string {
  if (attribute.service && !attribute.ownedByApp) {
    const owner = attribute.service.label;
    return `${attribute.label} is owned by ${owner}. If this app acquires it, ${owner} will stop being able to write ${attribute.label}.`;
  }
  if (!attribute.active) {
    return `${attribute.label} is inactive and has no owner. Acquiring it reactivates it, with this app as its owner.`;
  }
  return `${attribute.label} has no owner. Acquiring it makes this app its owner.`;
}

export const NO_CONSENT_NOTE =
  "Exist does not ask you to confirm this: the change happens at once.";

/** What the page knows about an attribute's latest value when a dialog opens. */
export type LatestValue = { date: string; today: string } | null | undefined;

/** "Google Fit last wrote Steps today." (undefined: values not loaded yet). */
function lastWrote(owner: string, label: string, latest: LatestValue): string {
  if (latest === undefined) return `${owner} owns ${label} now.`;
  if (latest === null) return `${owner} has not written ${label} in the last 14 days.`;
  return `${owner} last wrote ${label} ${relativeDay(latest.date, latest.today)}.`;
}

/**
 * What acquiring does to the data: "Google Fit last wrote Steps today. This app writes only what
 * you log here, so Steps will get no other new data until you release it or pick another owner
 * on Exist."
 */
export function acquireDataConsequence(attribute: Attribute, latest: LatestValue): string {
  const { label } = attribute;
  const before =
    attribute.service && !attribute.ownedByApp
      ? `${lastWrote(attribute.service.label, label, latest)} `
      : "";
  return `${before}This app writes only what you log here, so ${label} will get no other new data until you release it or pick another owner on Exist.`;
}

/** On release, that data resumes from whoever takes over, or that none comes at all. */
export function releaseDataConsequence(attribute: Attribute): string {
  const target = releaseTarget(attribute);
  if (target) return `New data for ${attribute.label} resumes from ${target.label}.`;
  return `${attribute.label} gets no new data until a service acquires it.`;
}

/** Everything the Acquire confirmation says, one paragraph each. */
export function acquireConsequences(attribute: Attribute, latest: LatestValue): string[] {
  return [
    acquireConsequence(attribute),
    acquireDataConsequence(attribute, latest),
    NO_CONSENT_NOTE,
  ];
}

/** Everything the Release confirmation says, one paragraph each. */
export function releaseConsequences(attribute: Attribute): string[] {
  return [
    `This app will stop being able to write ${attribute.label}.`,
    releaseConsequence(attribute),
    releaseDataConsequence(attribute),
    NO_CONSENT_NOTE,
  ];
}
