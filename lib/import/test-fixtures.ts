/** Small files of each kind, as the tests of the import read them. */
import { dateOfDay } from "./days";
import { parseText, type ParsedTable } from "./parse-text";
import { plannedDates, plannedValues } from "./planned";
import { summarizeTable, type FileSummary } from "./summary";
import type { ImportPlan, PlannedAttribute } from "./types";

export function tableOf(text: string): ParsedTable {
  const parsed = parseText(text);
  if (!parsed.ok) throw new Error(parsed.issue.message);
  return parsed.table;
}

export function summaryOf(text: string): FileSummary {
  const summarized = summarizeTable(tableOf(text));
  if (!summarized.ok) throw new Error(summarized.issue.message);
  return summarized.summary;
}

/** A spreadsheet of weigh-ins and steps, day/month/year, semicolons and decimal commas. */
export const WIDE_DMY = [
  "Datum;Weight (lb);Steps;Sleep;Meditated",
  "01/03/2026;160,5;8000;7:30;yes",
  "02/03/2026;161;9500;452;no",
  "02/03/2026;163;1000;;yes",
  "13/03/2026;162;7000;8h;",
].join("\n");

export const LONG = [
  "date,attribute,value",
  "2026-03-01,Steps,4000",
  "2026-03-01,Steps,3500",
  "2026-03-01,Weight,72.5",
  "2026-03-02,Mood,7",
  "2026-03-02,Meditated,1",
  "2026-03-02,Journaled,yes",
].join("\n");

/** Daylio's export: newest first, two entries on 2 March. */
export const DAYLIO = [
  "full_date,date,weekday,time,mood,activities,note_title,note",
  '2026-03-02,2 March,Monday,10:00 pm,rad,"family | walk ","","Dinner <b>out</b>"',
  '2026-03-02,2 March,Monday,8:10 am,meh,"work","Monday","Early start"',
  '2026-03-01,1 March,Sunday,21:00,amazing,"","",""',
].join("\n");

/** Loop Habit Tracker's Checkmarks.csv: rows end with a comma, newest day first. */
export const LOOP = [
  "Date,Meditate,Run,Water,",
  "2026-03-02,YES_MANUAL,NO,2500,",
  "2026-03-01,UNKNOWN,YES_AUTO,-1,",
  "2026-02-28,SKIP,YES_MANUAL,1000,",
].join("\n");

/** A planned attribute with plain arrays and dates, for tests to compare with literals. */
export function plainAttribute(planned: PlannedAttribute) {
  const { target, key, label, valueType, rule, combined, rounded } = planned;
  return {
    target,
    key,
    label,
    valueType,
    rule,
    dates: plannedDates(planned),
    values: plannedValues(planned),
    rows: Array.from(planned.rows),
    combined,
    rounded,
    emptyDates: Array.from(planned.emptyDays, dateOfDay),
  };
}

export type PlainAttribute = ReturnType<typeof plainAttribute>;

export function plainPlan(plan: ImportPlan) {
  return { ...plan, attributes: plan.attributes.map(plainAttribute) };
}
