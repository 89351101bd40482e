"use client";

import { plural } from "@/lib/import/wording";
import type { MappingProps } from "./mapping-props";
import { MoodTable } from "./mood-table";
import { NamedSlotRows, SlotRow } from "./slot-row";
import { mutedClass } from "./styles";

/** The columns that hold one thing of each entry, mapped as a whole. */
const ENTRY_COLUMNS: ReadonlyArray<{ kind: "mood" | "note"; hint: string; ruleNote?: string }> = [
  { kind: "mood", hint: "Daylio’s mood of each entry" },
  {
    kind: "note",
    hint: "The note’s title and text",
    ruleNote: "Several notes on one day are joined, earliest first.",
  },
];

/** Daylio's export: the mood and its table, the note, and each activity as a daily tag. */
export function DaylioParts(props: MappingProps) {
  const { summary } = props;
  const activities = summary.daylio?.activities ?? [];
  return (
    <>
      <p className={mutedClass}>
        A Daylio export: each entry’s mood, activities and note. Several entries on one day keep the
        day’s latest mood; notes are joined.
      </p>
      <ul className="divide-y divide-slate-200 dark:divide-slate-800">
        {ENTRY_COLUMNS.map(({ kind, hint, ruleNote }) => (
          <SlotRow
            key={kind}
            {...props}
            slot={{ kind }}
            id={`import-${kind}`}
            name={kind}
            suffix=" column"
            hint={hint}
            ruleNote={ruleNote}
          />
        ))}
      </ul>
      <MoodTable {...props} />
      {activities.length ? (
        <>
          <h3 className="mt-4 font-medium">Activities</h3>
          <p className={mutedClass}>Each activity is a daily tag: yes on the days it was logged.</p>
          <NamedSlotRows
            {...props}
            kind="activity"
            suffix=" activity"
            slots={activities.map((activity) => ({
              name: activity.label,
              hint: plural(activity.rows, "entry", "entries"),
              newTagLabel: activity.label,
            }))}
          />
        </>
      ) : null}
    </>
  );
}
