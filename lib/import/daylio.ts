/**
 * Daylio's CSV export: `full_date,date,weekday,time,mood,activities,note_title,note`, one row
 * per entry, newest first, activities separated by " | ". A mood is a label the person may have
 * renamed, so the step of Exist's mood scale (1–9) it becomes is a table they can edit, with
 * Daylio's five default moods filled in; activities become daily tags; notes go to the mood note.
 */
import { readTimeOfDay } from "./clock-cells";
import type { MoodStep } from "./types";

export const DAYLIO_COLUMNS = [
  "full_date",
  "date",
  "weekday",
  "time",
  "mood",
  "activities",
  "note_title",
  "note",
] as const;

/** Daylio's default moods, best to worst, spread over Exist's 1–9 (older versions: "fugly"). */
export const DEFAULT_DAYLIO_MOODS: Readonly<Record<string, number>> = {
  rad: 9,
  good: 7,
  meh: 5,
  bad: 3,
  fugly: 3,
  awful: 1,
};

/** Whether the headers are Daylio's (the columns that make an entry, in any order). */
export function isDaylio(headers: readonly string[]): boolean {
  const names = new Set(headers.map((header) => header.trim().toLowerCase()));
  return ["full_date", "time", "mood", "activities"].every((name) => names.has(name));
}

export type DaylioColumns = Record<(typeof DAYLIO_COLUMNS)[number], number>;

/** Each Daylio column's index; -1 for one the file does not have (older exports lack titles). */
export function daylioColumns(headers: readonly string[]): DaylioColumns {
  const names = headers.map((header) => header.trim().toLowerCase());
  const entries = DAYLIO_COLUMNS.map((name) => [name, names.indexOf(name)] as const);
  return Object.fromEntries(entries) as DaylioColumns;
}

/** "clean | music | movies / tv " as ["clean", "music", "movies / tv"]. */
export function daylioActivities(cell: string): string[] {
  return cell
    .split("|")
    .map((activity) => activity.trim())
    .filter((activity) => activity !== "");
}

/** The mood table for these labels: Daylio's defaults where a label is one, else not set. */
export function daylioMoodTable(labels: readonly string[]): MoodStep[] {
  return labels.map((label) => ({
    label,
    value: DEFAULT_DAYLIO_MOODS[label.trim().toLowerCase()] ?? null,
  }));
}

/** The step a mood label has in the table (labels compared trimmed and case-insensitively). */
export function moodStep(table: readonly MoodStep[], label: string): number | null {
  const wanted = label.trim().toLowerCase();
  return table.find((step) => step.label.trim().toLowerCase() === wanted)?.value ?? null;
}

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
};

/** Newer Daylio versions write notes with simple HTML (<b>, <br>, <li>): kept as plain text. */
export function daylioNoteText(title: string, note: string): string {
  const text = note
    .replace(/<br\s*\/?>|<\/(?:p|div|li)>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&(amp|lt|gt|quot|apos|nbsp);/g, (_, name: string) => ENTITIES[name] ?? "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return [title.trim(), text].filter((part) => part !== "").join("\n");
}

/** Minutes after midnight of an entry's time ("10:00 pm", "18:52"); 0 when unreadable. */
export function entryMinutes(time: string): number {
  const clock = readTimeOfDay(time);
  if (!clock) return 0;
  return Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3));
}
