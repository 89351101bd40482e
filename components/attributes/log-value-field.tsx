"use client";

import { describedBy, Field, inputClass } from "@/components/ui/form-field";
import type { DurationEntry, NumberField, TextField, ValueField } from "@/lib/values/field";
import { textLength } from "@/lib/values/rules";
import { DurationInput, YesNoInput } from "./log-choice-fields";
import type { Entered, FieldErrors } from "./use-log-form";

type LogValueFieldProps = {
  field: ValueField;
  value: Entered;
  onChange: (value: Entered) => void;
  errors: FieldErrors;
  /** The value input's id; its parts (`-hours`, `-minutes`, `-yes`) take it as a prefix. */
  id: string;
};

/** What a number field takes, said beside it: "0 to 100", "Up to 1 decimal place". */
function numberHint(field: NumberField): string {
  const { min, max, step } = field.constraints;
  if (field.kind === "scale") return `A whole number from ${min} (lowest) to ${max} (highest)`;
  if (field.kind === "percent") return "A percentage from 0 to 100";
  const places = step < 1 ? String(step).split(".")[1]?.length : 0;
  const kind = places
    ? `Up to ${places} decimal place${places === 1 ? "" : "s"}`
    : "A whole number";
  if (max !== undefined) return `${kind}, ${min ?? 0} to ${max}`;
  return min === 0 ? `${kind}, 0 or more` : kind;
}

function textHint(field: TextField, text: string): string {
  const count = `At most ${field.constraints.maxLength} characters (${textLength(text)} used)`;
  return field.hint ? `${field.hint}. ${count}` : count;
}

/**
 * Times of day are typed on the 24-hour clock, as the list shows them: a native time input
 * would show "10:45 PM" in a 12-hour locale beside a list that says "22:45".
 */
const TIME_HINT = "24-hour clock, HH:MM (for example 22:45)";

/** The input that fits the value type, labelled with the attribute's label and unit. */
export function LogValueField({ field, value, onChange, errors, id }: LogValueFieldProps) {
  if (field.kind === "duration") {
    return (
      <DurationInput field={field} value={value as DurationEntry} {...{ onChange, errors, id }} />
    );
  }
  if (field.kind === "boolean") {
    return (
      <YesNoInput field={field} value={value as boolean | null} {...{ onChange, errors, id }} />
    );
  }
  const text = value as string;
  const error = errors.value;
  const hint =
    field.kind === "text"
      ? textHint(field, text)
      : field.kind === "time"
        ? TIME_HINT
        : numberHint(field);
  const common = {
    id,
    value: text,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(id, hint !== null, error),
    className: inputClass(Boolean(error)),
  };
  return (
    <Field id={id} label={field.label} hint={hint} error={error}>
      {field.kind === "text" ? (
        <textarea
          {...common}
          rows={3}
          className={`${common.className} py-2`}
          onChange={(event) => onChange(event.target.value)}
        />
      ) : (
        <input
          {...common}
          type="text"
          inputMode={
            field.kind === "decimal" ? "decimal" : field.kind === "time" ? undefined : "numeric"
          }
          placeholder={field.kind === "time" ? "HH:MM" : undefined}
          autoComplete="off"
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
