"use client";

import { useQuery } from "@tanstack/react-query";
import { Dialog } from "@/components/ui/dialog";
import type { Attribute } from "@/lib/attributes/types";
import { describeError } from "@/lib/query/api-error";
import { valuesQuery } from "@/lib/query/options";
import { valueField } from "@/lib/values/field";
import { logButtonId } from "./ids";
import { LogForm } from "./log-form";
import { WriteDialogFrame } from "./write-dialog-frame";

export type LogDialogProps = {
  attribute: Attribute;
  onClose: () => void;
  /** Opens the acquire confirmation for this attribute, in place of this dialog. */
  onAcquire: (name: string) => void;
  announce: (message: string) => void;
};

/**
 * Log a value of an attribute this app owns, for a day in the person's Exist time zone (from the
 * values' `timezone`, never the browser's): checked before anything is sent, then saved
 * (replacing the day's value) or added to the day's total.
 */
export function LogDialog(props: LogDialogProps) {
  const query = useQuery(valuesQuery());
  const title = `Log ${props.attribute.label}`;
  const field = query.data ? valueField(props.attribute, query.data.units) : null;
  if (query.data && field) return <LogForm {...props} values={query.data} field={field} />;
  const why = query.isError
    ? `Your time zone and recent values could not be loaded: ${describeError(query.error)}`
    : query.data
      ? `This app can't write a value of type “${props.attribute.value_type_description}”.`
      : "Loading your time zone and recent values…";
  return (
    <WriteDialogFrame
      title={title}
      onClose={props.onClose}
      returnFocusTo={[logButtonId(props.attribute.name)]}
    >
      <Dialog.Description role={query.isError ? "alert" : undefined}>{why}</Dialog.Description>
      <Dialog.Footer>
        <Dialog.Close>Close</Dialog.Close>
      </Dialog.Footer>
    </WriteDialogFrame>
  );
}
