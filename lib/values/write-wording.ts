/**
 * What the Log dialog and the page's status say about a value written to Exist, in the person's
 * units and of their own day ("for today", "for yesterday", "for Mon 2 Mar").
 */
import type { Service, Units, Value } from "@/lib/api/contract";
import { daysBetween, shortDate } from "@/lib/attributes/days";
import { formatValue, shorten } from "@/lib/attributes/format";

/** The attribute facts a sentence needs. */
export type Written = { label: string; name: string; template: string | null; value_type: number };

export function dayPhrase(date: string, today: string): string {
  const days = daysBetween(date, today);
  if (days === 0) return "today";
  if (days === 1) return "yesterday";
  return shortDate(date);
}

/** A stored value as a person reads it; long text shortened. */
export function shownValue(attribute: Written, value: Value, units: Units): string {
  const text = formatValue(
    value,
    attribute.value_type,
    attribute.template ?? attribute.name,
    units,
  );
  return shorten(text, 60).short;
}

/** "Exist has 72.4 kg for today. Saving replaces it." `day` is a dayPhrase. */
export function dayValueText(
  attribute: Written,
  value: Value | null,
  day: string,
  units: Units,
  canIncrement: boolean,
): string {
  if (value === null) return `Exist has no value for ${day} yet.`;
  const then = canIncrement
    ? " Saving replaces it; Add to total adds to it."
    : " Saving replaces it.";
  return `Exist has ${shownValue(attribute, value, units)} for ${day}.${then}`;
}

export function savedText(attribute: Written, value: Value, day: string, units: Units): string {
  return `Saved ${attribute.label} for ${day}: ${shownValue(attribute, value, units)}.`;
}

export function addedText(
  attribute: Written,
  added: Value,
  total: Value,
  day: string,
  units: Units,
): string {
  const amount = shownValue(attribute, added, units);
  return `Added ${amount} to ${attribute.label} for ${day}. The total is now ${shownValue(attribute, total, units)}.`;
}

/** Refused because another service (or none) owns the attribute now. */
export function lostText(label: string, owner: Service | null): string {
  return owner
    ? `${label} is now owned by ${owner.label}, so this app can't write it.`
    : `${label} now has no owner, so this app can't write it.`;
}

export type ReadBack = { value: Value | null } | { error: string };

/**
 * Exist's answer was lost: whether the value went in is unknown, so the day's value is read back
 * and shown. An increment is never sent again by itself: a second one would add twice.
 */
export function unknownText(
  attribute: Written,
  mode: "update" | "increment",
  sent: Value,
  day: string,
  units: Units,
  readBack: ReadBack,
): string {
  const what =
    mode === "increment"
      ? `${shownValue(attribute, sent, units)} was added to ${attribute.label}`
      : `${attribute.label} was saved`;
  const lost = `Exist's answer was lost, so it is unknown whether ${what}.`;
  if ("error" in readBack)
    return `${lost} Its value for ${day} could not be read back: ${readBack.error}`;
  const now =
    readBack.value === null
      ? `Exist has no value for ${day}.`
      : `Exist now has ${shownValue(attribute, readBack.value, units)} for ${day}.`;
  return mode === "increment" ? `${lost} ${now} Check it before adding again.` : `${lost} ${now}`;
}
