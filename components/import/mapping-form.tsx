"use client";

import type { ReactNode } from "react";
import type { DateFormat } from "@/lib/import/dates";
import { count } from "@/lib/import/limits";
import { DateFormatField } from "./date-format-field";
import { DaylioParts } from "./daylio-parts";
import { LongKeys } from "./long-keys";
import type { MappingProps } from "./mapping-props";
import { StepHeading } from "./step-heading";
import { cardClass, mutedClass } from "./styles";
import { WideColumns } from "./wide-columns";

type MappingFormProps = MappingProps & {
  dateFormat: DateFormat | null;
  onDateFormat: (format: DateFormat) => void;
  /** The Preview button, its progress and its problem. */
  children: ReactNode;
};

const LAYOUT_WORDS = {
  wide: "a date column and one column per attribute",
  long: "one value per row",
  daylio: "Daylio’s export",
} as const;

/** Where each column goes, how the dates are written, then Preview. */
export function MappingForm(props: MappingFormProps) {
  const { summary, mapping } = props;
  const dateColumn = summary.columns[mapping.dateColumn];
  const Parts =
    mapping.layout === "daylio" ? DaylioParts : mapping.layout === "long" ? LongKeys : WideColumns;
  return (
    <section aria-labelledby="import-mapping-heading" className={cardClass}>
      <StepHeading id="import-mapping-heading" step={2}>
        Choose where each column goes
      </StepHeading>
      <p className={mutedClass}>
        Laid out as {LAYOUT_WORDS[mapping.layout]}. Columns are matched to your attributes by name;
        choose Ignore to leave one out. Values are read in your Exist units unless you change them.
        Where a day has several rows, its latest and earliest go by the time written with the date
        {mapping.layout === "daylio" ? " (each entry’s time)" : ""}, or without one by the order of
        the file’s days, whether it lists the oldest or the newest first.
      </p>
      {summary.formulaCells > 0 ? (
        <p className="mt-2 rounded-md bg-slate-100 p-2 text-sm dark:bg-slate-800">
          {summary.formulaCells === 1
            ? "1 cell starts like a spreadsheet formula (such as =SUM(…)): it is read as plain text, never run."
            : `${count(summary.formulaCells)} cells start like spreadsheet formulas (such as =SUM(…)): they are read as plain text, never run.`}
        </p>
      ) : null}
      <div className="mt-4">
        <DateFormatField
          possible={dateColumn?.dateFormats ?? []}
          sample={dateColumn?.samples[0]}
          value={props.dateFormat}
          onDateFormat={props.onDateFormat}
        />
      </div>
      <div className="mt-4">
        <Parts {...props} />
      </div>
      <div className="mt-4 border-t border-slate-200 pt-4 dark:border-slate-800">
        {props.children}
      </div>
    </section>
  );
}
