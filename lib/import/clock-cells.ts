/**
 * Durations and times of day as files write them, turned into what the Log dialog's fields take
 * (hours and minutes; "HH:MM" on a 24-hour clock), so the fields' own checks apply.
 */
import type { DurationEntry } from "@/lib/values/field";

const MINUTES = /^\d+$/;
const CLOCK = /^(\d+):(\d{1,2})(?::(\d{1,2}))?$/;
const WORDS = /^(?:(\d+(?:\.\d+)?)\s*h(?:ours?|rs?)?)?\s*(?:(\d+)\s*m(?:in(?:utes?|s)?)?)?$/i;

function entry(total: number): DurationEntry {
  return { hours: String(Math.floor(total / 60)), minutes: String(total % 60) };
}

/**
 * A duration: whole minutes (Exist's unit: 452), H:MM or H:MM:SS (7:32, seconds rounded to the
 * nearest minute), or words (7h 32m, 7.5 h, 45 min). Null for anything else, a plain decimal
 * included: 7.5 could be hours or minutes.
 */
export function readDuration(text: string): DurationEntry | null {
  const cell = text.trim();
  if (MINUTES.test(cell)) return entry(Number(cell));
  const clock = CLOCK.exec(cell);
  if (clock) {
    const [hours, minutes, seconds] = [Number(clock[1]), Number(clock[2]), Number(clock[3] ?? 0)];
    if (minutes > 59 || seconds > 59) return null;
    return entry(hours * 60 + minutes + Math.round(seconds / 60));
  }
  const words = WORDS.exec(cell);
  if (!words || (words[1] === undefined && words[2] === undefined)) return null;
  return entry(Math.round(Number(words[1] ?? 0) * 60) + Number(words[2] ?? 0));
}

const TIME = /^(\d{1,2})(?::(\d{2}))?(?::\d{2})?\s*(?:([ap])\.?m\.?)?$/i;

/** A time of day, 24-hour (23:15, 23:15:00) or 12-hour (11:15 pm, 7am), as "HH:MM"; else null. */
export function readTimeOfDay(text: string): string | null {
  const match = TIME.exec(text.trim());
  if (!match) return null;
  const meridiem = match[3]?.toLowerCase();
  if (match[2] === undefined && !meridiem) return null;
  let hours = Number(match[1]);
  if (meridiem) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (meridiem === "p" ? 12 : 0);
  }
  return `${String(hours).padStart(2, "0")}:${match[2] ?? "00"}`;
}
