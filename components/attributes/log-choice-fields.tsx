"use client";

import { describedBy, FieldText, inputClass } from "@/components/ui/form-field";
import type { BooleanField, DurationEntry, DurationField } from "@/lib/values/field";
import type { Entered, FieldErrors } from "./use-log-form";

type PartsProps<F, V> = {
  field: F;
  value: V;
  onChange: (value: Entered) => void;
  errors: FieldErrors;
  id: string;
};

/** A duration as Hours and Minutes, side by side, under the attribute's label. */
export function DurationInput(props: PartsProps<DurationField, DurationEntry>) {
  const { field, value, onChange, errors, id } = props;
  const { hours, minutes } = field.constraints;
  const parts = [
    { key: "hours", label: "Hours", bounds: hours },
    { key: "minutes", label: "Minutes", bounds: minutes },
  ] as const;
  return (
    <fieldset className="grid gap-1">
      <legend className="mb-1 text-sm font-medium">{field.label}</legend>
      <div className="flex gap-3">
        {parts.map(({ key, label, bounds }) => {
          const partId = `${id}-${key}`;
          const error = errors[key];
          return (
            <div key={key} className="grid w-28 gap-1">
              <label htmlFor={partId} className="text-sm">
                {label}
              </label>
              <input
                id={partId}
                type="text"
                inputMode="numeric"
                autoComplete="off"
                value={value[key]}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${partId}-hint ${id}-error` : `${partId}-hint`}
                className={inputClass(Boolean(error))}
                onChange={(event) => onChange({ ...value, [key]: event.target.value })}
              />
              <FieldText id={partId} hint={`${bounds.min}–${bounds.max}`} />
            </div>
          );
        })}
      </div>
      <FieldText id={id} error={errors.hours ?? errors.minutes} />
    </fieldset>
  );
}

/** Yes or No, for a yes/no attribute or a daily tag. */
export function YesNoInput(props: PartsProps<BooleanField, boolean | null>) {
  const { field, value, onChange, errors, id } = props;
  const error = errors.value;
  return (
    <fieldset className="grid gap-1" aria-describedby={describedBy(id, false, error)}>
      <legend className="text-sm font-medium">{field.label}</legend>
      <div className="flex gap-4">
        {[true, false].map((choice) => (
          <label key={String(choice)} className="flex min-h-10 items-center gap-2 text-sm">
            <input
              id={choice ? `${id}-yes` : `${id}-no`}
              type="radio"
              name={id}
              checked={value === choice}
              onChange={() => onChange(choice)}
              className="size-4 accent-indigo-700 dark:accent-indigo-400"
            />
            {choice ? "Yes" : "No"}
          </label>
        ))}
      </div>
      <FieldText id={id} error={error} />
    </fieldset>
  );
}
