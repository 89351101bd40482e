"use client";

import { useQuery } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { describedBy, Field, inputClass } from "@/components/ui/form-field";
import type { ValuesResponse } from "@/lib/api/contract";
import type { Attribute } from "@/lib/attributes/types";
import { describeError } from "@/lib/query/api-error";
import { dayValueQuery } from "@/lib/query/options";
import { dateIssue, yesterdayOf } from "@/lib/values/dates";
import { dayPhrase, dayValueText } from "@/lib/values/write-wording";

type LogDateFieldProps = {
  id: string;
  date: string;
  today: string;
  timezone: string;
  error: string | undefined;
  onChange: (date: string) => void;
};

/** The day to log, in the person's Exist time zone: today unless they pick another. */
export function LogDateField({ id, date, today, timezone, error, onChange }: LogDateFieldProps) {
  const yesterday = yesterdayOf(today);
  return (
    <Field
      id={id}
      label="Date"
      hint={`Your day in your Exist time zone (${timezone}).`}
      error={error}
    >
      <div className="flex flex-wrap gap-2">
        <input
          id={id}
          type="date"
          max={today}
          value={date}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, true, error)}
          className={inputClass(Boolean(error), "w-44")}
          onChange={(event) => onChange(event.target.value)}
        />
        <Button
          variant="secondary"
          aria-pressed={date === yesterday}
          onClick={() => onChange(yesterday)}
        >
          Yesterday
        </Button>
        {date === today ? null : (
          <Button variant="ghost" onClick={() => onChange(today)}>
            Today
          </Button>
        )}
      </div>
    </Field>
  );
}

type DayValueLineProps = {
  attribute: Attribute;
  date: string;
  today: string;
  values: ValuesResponse;
  canIncrement: boolean;
};

/**
 * The value Exist has for the day: from the page's 14 days of values when the day is among them,
 * else read from Exist.
 */
export function DayValueLine({ attribute, date, today, values, canIncrement }: DayValueLineProps) {
  const valid = dateIssue(date, today) === null;
  const index = values.days.indexOf(date);
  const cached = index < 0 ? undefined : (values.values[attribute.name]?.series[index] ?? null);
  const query = useQuery({
    ...dayValueQuery(attribute.name, date),
    enabled: valid && cached === undefined,
  });
  if (!valid) return null;
  const day = dayPhrase(date, today);
  const known = cached !== undefined ? cached : query.data?.value;
  let text = `Reading Exist's value for ${day}…`;
  if (known !== undefined) text = dayValueText(attribute, known, day, values.units, canIncrement);
  else if (query.isError) {
    text = `Exist's value for ${day} could not be read: ${describeError(query.error)}`;
  }
  return (
    <p aria-live="polite" className="rounded-md bg-slate-100 p-3 text-sm dark:bg-slate-800">
      {text}
    </p>
  );
}
