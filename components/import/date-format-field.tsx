"use client";

import { DATE_FORMAT_LABELS, DATE_FORMATS, type DateFormat } from "@/lib/import/dates";
import { mutedClass, selectClass } from "./styles";

type DateFormatFieldProps = {
  /** The readings every date of the date column allows (both: the file is ambiguous). */
  possible: readonly DateFormat[];
  /** A sample date, to ask about. */
  sample: string | undefined;
  /** Null while an ambiguous file waits for the person's answer. */
  value: DateFormat | null;
  onDateFormat: (format: DateFormat) => void;
};

/** How the dates are written; a file whose dates read both ways asks before anything else. */
export function DateFormatField({ possible, sample, value, onDateFormat }: DateFormatFieldProps) {
  const ambiguous = possible.length > 1;
  return (
    <div className="grid max-w-md gap-1">
      <label htmlFor="import-date-format" className="font-medium">
        Date format
      </label>
      <select
        id="import-date-format"
        className={selectClass}
        value={value ?? ""}
        aria-describedby={ambiguous ? "import-date-format-question" : undefined}
        aria-invalid={value === null ? true : undefined}
        onChange={(event) => onDateFormat(event.target.value as DateFormat)}
      >
        {value === null ? <option value="">Choose how the dates are written</option> : null}
        {DATE_FORMATS.map((format) => (
          <option key={format} value={format}>
            {DATE_FORMAT_LABELS[format]}
          </option>
        ))}
      </select>
      {ambiguous ? (
        <p
          id="import-date-format-question"
          className="rounded-md bg-amber-50 p-2 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-50"
        >
          Every date in this file reads both ways{sample ? ` (${sample} could be either)` : ""}: is
          the day or the month first?
        </p>
      ) : (
        <p className={mutedClass}>Found from the file’s dates; change it if it is wrong.</p>
      )}
    </div>
  );
}
