/**
 * The import's plan from a parsed file and the mapping the person chose: one value per
 * attribute and day as Exist stores it (metric units, minutes, fractions, 1/0), the days the
 * file leaves empty, and every cell or row that gives no value with its row number and reason.
 * Nothing here reads Exist: the preview compares the plan with Exist's values, and the writes
 * send it.
 */
import { dateIssue } from "@/lib/values/dates";
import { daylioActivities, daylioColumns, daylioNoteText, entryMinutes, moodStep } from "./daylio";
import { cellTime, parseDateCell } from "./dates";
import { dayNumber } from "./days";
import { rowNumber, type ParsedTable } from "./parse-text";
import { PlanBuilder, type PlanContext, type Slot } from "./plan-builder";
import type {
  DaylioMapping,
  ImportMapping,
  ImportPlan,
  KeyMapping,
  LongMapping,
  WideMapping,
} from "./types";

export type { PlanContext } from "./plan-builder";

export type PlanOptions = {
  /** Called every PROGRESS_ROWS rows with the share of rows read. */
  onProgress?: (fraction: number) => void;
};

export const PROGRESS_ROWS = 10_000;

const cellAt = (row: readonly string[], index: number) => row[index] ?? "";
const isEmptyRow = (row: readonly string[]) => row.every((cell) => cell.trim() === "");

type Rows = {
  table: ParsedTable;
  mapping: ImportMapping;
  builder: PlanBuilder;
  context: PlanContext;
};

/** The person's day of a row, or null when the row was refused for its date. */
function dayOf({ table, mapping, builder, context }: Rows, row: readonly string[], index: number) {
  const cell = cellAt(row, mapping.dateColumn).trim();
  const column = table.headers[mapping.dateColumn] ?? "Date";
  const number = rowNumber(table, index);
  if (cell === "") return (builder.reject(number, column, cell, "The row has no date"), null);
  const parsed = parseDateCell(cell, mapping.dateFormat, context.timezone);
  if (!parsed.ok) return (builder.reject(number, column, cell, parsed.error), null);
  // Same-length YYYY-MM-DD strings compare as dates do; dateIssue gives the words.
  const late = parsed.date > context.today ? dateIssue(parsed.date, context.today) : null;
  if (late) return (builder.reject(number, column, cell, late), null);
  return dayNumber(parsed.date);
}

/** Each row with a day: its index, its day and the time of day written with its date. */
function eachRow(
  rows: Rows,
  options: PlanOptions,
  visit: (row: string[], index: number, day: number, time: number | null) => void,
) {
  const { table, mapping } = rows;
  table.rows.forEach((row, index) => {
    if (index % PROGRESS_ROWS === 0) options.onProgress?.(index / table.rows.length);
    if (isEmptyRow(row)) return;
    const day = dayOf(rows, row, index);
    if (day !== null) visit(row, index, day, cellTime(cellAt(row, mapping.dateColumn)));
  });
}

function planWide(rows: Rows, mapping: WideMapping, options: PlanOptions): void {
  const { table, builder } = rows;
  const slots = mapping.columns.flatMap((mapped, index) => {
    const slot =
      index === mapping.dateColumn ? null : builder.slot(mapped, table.headers[index] ?? "");
    return slot ? [{ index, slot }] : [];
  });
  eachRow(rows, options, (row, index, day, time) => {
    for (const { index: column, slot } of slots) {
      builder.add(slot, rowNumber(table, index), day, cellAt(row, column), time);
    }
  });
}

function slotsByKey(builder: PlanBuilder, keys: readonly KeyMapping[]): Map<string, Slot> {
  const slots = new Map<string, Slot>();
  for (const { key, mapped } of keys) {
    const slot = builder.slot(mapped, key);
    if (slot) slots.set(key, slot);
  }
  return slots;
}

function planLong(rows: Rows, mapping: LongMapping, options: PlanOptions): void {
  const { table, builder } = rows;
  const slots = slotsByKey(builder, mapping.keys);
  eachRow(rows, options, (row, index, day, time) => {
    const slot = slots.get(cellAt(row, mapping.keyColumn).trim());
    const cell = cellAt(row, mapping.valueColumn);
    if (slot) builder.add(slot, rowNumber(table, index), day, cell, time);
  });
}

/**
 * Daylio lists entries newest first, each with its time (a column apart from the date): they are
 * read oldest first with their times, so "latest" is the day's latest entry and a day's notes
 * join in the order they were written.
 */
function planDaylio(rows: Rows, mapping: DaylioMapping, options: PlanOptions): void {
  const { table, builder } = rows;
  const columns = daylioColumns(table.headers);
  const mood = builder.slot(mapping.mood, "mood");
  const note = builder.slot(mapping.note, "note");
  const activities = slotsByKey(builder, mapping.activities);
  const entries: Array<{ index: number; day: number; minutes: number }> = [];
  eachRow(rows, options, (row, index, day) => {
    entries.push({ index, day, minutes: entryMinutes(cellAt(row, columns.time)) });
  });
  entries.sort((a, b) => a.day - b.day || a.minutes - b.minutes);
  const notes = new Map<number, { row: number; texts: string[] }>();
  for (const { index, day, minutes } of entries) {
    const time = minutes * 60;
    const row = table.rows[index] as string[];
    const number = rowNumber(table, index);
    const label = cellAt(row, columns.mood).trim();
    if (mood && label) {
      const step = moodStep(mapping.moods, label);
      if (step === null)
        builder.reject(
          number,
          "mood",
          label,
          `The mood "${label}" has no step on Exist's mood scale yet: set it in the mood table`,
          mood,
        );
      else builder.add(mood, number, day, String(step), time);
    }
    for (const activity of daylioActivities(cellAt(row, columns.activities))) {
      const slot = activities.get(activity);
      if (slot) builder.add(slot, number, day, "yes", time);
    }
    const text = daylioNoteText(cellAt(row, columns.note_title), cellAt(row, columns.note));
    if (note && text) {
      const texts = notes.get(day) ?? { row: number, texts: [] };
      texts.texts.push(text);
      notes.set(day, texts);
    }
  }
  // One mood note a day: the day's notes together, oldest first.
  for (const [day, texts] of notes) {
    if (note) builder.add(note, texts.row, day, texts.texts.join("\n\n"));
  }
}

/** The plan for `table` read through `mapping`. Pure: the same file and mapping, the same plan. */
export function planImport(
  table: ParsedTable,
  mapping: ImportMapping,
  context: PlanContext,
  options: PlanOptions = {},
): ImportPlan {
  const builder = new PlanBuilder(mapping, context);
  const rows = { table, mapping, builder, context };
  if (mapping.layout === "wide") planWide(rows, mapping, options);
  else if (mapping.layout === "long") planLong(rows, mapping, options);
  else planDaylio(rows, mapping, options);
  options.onProgress?.(1);
  return builder.build();
}
