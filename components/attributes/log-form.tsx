"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { ValuesResponse } from "@/lib/api/contract";
import { todayIn } from "@/lib/attributes/days";
import type { ValueField } from "@/lib/values/field";
import { addedText, dayPhrase, savedText } from "@/lib/values/write-wording";
import { logButtonId } from "./ids";
import { DayValueLine, LogDateField } from "./log-date-field";
import type { LogDialogProps } from "./log-dialog";
import { LogOutcomeAlert } from "./log-outcome";
import { LogValueField } from "./log-value-field";
import { useLogForm, type FieldErrors, type LogDone } from "./use-log-form";
import { WriteDialogFrame } from "./write-dialog-frame";

type LogFormProps = LogDialogProps & { values: ValuesResponse; field: ValueField };

/** The input an error of `key` points at; for "value", the first input of the value field. */
function inputFor(id: string, field: ValueField, key: keyof FieldErrors): string {
  if (key === "date") return `${id}-date`;
  if (key === "hours" || key === "minutes") return `${id}-value-${key}`;
  if (field.kind === "boolean") return `${id}-value-yes`;
  return field.kind === "duration" ? `${id}-value-hours` : `${id}-value`;
}

/** The Log dialog once the person's time zone and units are known. */
export function LogForm({ attribute, onClose, onAcquire, announce, values, field }: LogFormProps) {
  const id = useId();
  const valueId = `${id}-value`;
  const today = todayIn(values.timezone);
  const onDone = ({ mode, item, value }: LogDone) => {
    const day = dayPhrase(item.date, today);
    announce(
      mode === "increment"
        ? addedText(attribute, item.value, value, day, values.units)
        : savedText(attribute, value, day, values.units),
    );
    onClose();
  };
  const form = useLogForm({
    attribute,
    field,
    today,
    inputId: (key) => inputFor(id, field, key),
    onDone,
  });

  return (
    <WriteDialogFrame
      title={`Log ${attribute.label}`}
      busy={form.busy}
      onClose={onClose}
      returnFocusTo={[logButtonId(attribute.name)]}
      focusOnOpen={inputFor(id, field, "value")}
    >
      <Dialog.Description>
        Exist keeps one value a day. It can’t empty a day once it has a value: you can replace it,
        not remove it.
      </Dialog.Description>
      <form
        noValidate
        className="grid gap-4"
        aria-busy={form.busy}
        onSubmit={(event) => {
          event.preventDefault();
          void form.submit("update");
        }}
      >
        <LogDateField
          id={`${id}-date`}
          date={form.date}
          today={today}
          timezone={values.timezone}
          error={form.errors.date}
          onChange={form.setDate}
        />
        <DayValueLine
          attribute={attribute}
          date={form.date}
          today={today}
          values={values}
          canIncrement={field.canIncrement}
        />
        <LogValueField
          field={field}
          value={form.value}
          onChange={form.setValue}
          errors={form.errors}
          id={valueId}
        />
        {form.outcome ? (
          <LogOutcomeAlert
            outcome={form.outcome}
            attribute={attribute}
            units={values.units}
            today={today}
            onAcquire={() => onAcquire(attribute.name)}
          />
        ) : null}
        <Dialog.Footer>
          <Dialog.Close disabled={form.busy}>Cancel</Dialog.Close>
          {field.canIncrement ? (
            <Button
              variant="secondary"
              aria-disabled={form.busy}
              onClick={() => void form.submit("increment")}
            >
              Add to total
            </Button>
          ) : null}
          <Button type="submit" aria-disabled={form.busy} aria-busy={form.busy}>
            Save
          </Button>
        </Dialog.Footer>
      </form>
    </WriteDialogFrame>
  );
}
