"use client";

import { useState } from "react";
import type { ZodError } from "zod";
import type { RefusedValue, Service, Value, ValueItem, WriteMode } from "@/lib/api/contract";
import type { Attribute } from "@/lib/attributes/types";
import { describeError, problemFrom, type Problem } from "@/lib/query/api-error";
import { answerLost, useReadBack, useWriteValue } from "@/lib/query/use-write";
import { missingWriteGroup } from "@/lib/scopes";
import "@/lib/validations/in-browser";
import { logFormSchema } from "@/lib/validations/values";
import type { DurationEntry, ValueField } from "@/lib/values/field";
import type { ReadBack } from "@/lib/values/write-wording";

export type Entered = string | DurationEntry | boolean | null;
export type FieldErrors = Partial<Record<"date" | "value" | "hours" | "minutes", string>>;

/** Why the dialog stays open after a request: refused, the attribute lost, or the answer lost. */
export type LogOutcome =
  | { kind: "problem"; problem: Problem }
  | { kind: "lost"; owner: Service | null }
  | { kind: "unknown"; mode: WriteMode; item: ValueItem; readBack: ReadBack };

/** A write that went in: the day's value as Exist now holds it (for an increment, the total). */
export type LogDone = { mode: WriteMode; item: ValueItem; value: ValueItem["value"] };

export function emptyEntry(field: ValueField): Entered {
  if (field.kind === "duration") return { hours: "", minutes: "" };
  return field.kind === "boolean" ? null : "";
}

function errorsOf(error: ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const { path, message } of error.issues) {
    const part = path[1] === "hours" || path[1] === "minutes" ? path[1] : "value";
    errors[path[0] === "date" ? "date" : part] ??= message;
  }
  return errors;
}

const valueOf = (readBack: ReadBack) => ("value" in readBack ? readBack.value : null);

function refusal(refused: RefusedValue): LogOutcome {
  if (refused.error_code === "unauthorised" && refused.owner !== undefined) {
    return { kind: "lost", owner: refused.owner };
  }
  const allowWriting = missingWriteGroup(refused.error) ?? undefined;
  return {
    kind: "problem",
    problem: { message: `Exist refused it: ${refused.error}`, allowWriting },
  };
}

type LogFormOptions = {
  attribute: Attribute;
  field: ValueField;
  today: string;
  /** The first invalid input gets focus: its id from the error's key. */
  inputId: (key: keyof FieldErrors) => string;
  onDone: (done: LogDone) => void;
};

/** The Log dialog's state: what was entered, checked before anything is sent, then sent once. */
export function useLogForm({ attribute, field, today, inputId, onDone }: LogFormOptions) {
  const [date, setDate] = useState(today);
  const [value, setValue] = useState<Entered>(() => emptyEntry(field));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [outcome, setOutcome] = useState<LogOutcome | null>(null);
  // Through the read-back after a lost answer too, not only while the write is in flight.
  const [busy, setBusy] = useState(false);
  const write = useWriteValue();
  const readBack = useReadBack();

  async function read(item: ValueItem): Promise<ReadBack> {
    try {
      return { value: (await readBack(item.name, item.date)).value };
    } catch (error) {
      return { error: describeError(error) };
    }
  }

  async function submit(mode: WriteMode) {
    if (busy) return;
    const schema = logFormSchema(field, { name: attribute.name, today, mode });
    const parsed = schema.safeParse({ date, value });
    if (!parsed.success) {
      const found = errorsOf(parsed.error);
      setErrors(found);
      const first = (["date", "value", "hours", "minutes"] as const).find((key) => found[key]);
      if (first) requestAnimationFrame(() => document.getElementById(inputId(first))?.focus());
      return;
    }
    const item = parsed.data;
    setErrors({});
    setOutcome(null);
    setBusy(true);
    try {
      const answer = await write.mutateAsync({ item, mode });
      const done = answer.success[0];
      const refused = answer.failed[0];
      if (refused) return setOutcome(refusal(refused));
      if (!done) return setOutcome({ kind: "unknown", mode, item, readBack: await read(item) });
      // An increment answered without the new total (`current`): the total is read back.
      const total = (done.value as Value | null) ?? (await read(item).then(valueOf)) ?? item.value;
      onDone({ mode, item, value: total });
    } catch (error) {
      if (answerLost(error))
        setOutcome({ kind: "unknown", mode, item, readBack: await read(item) });
      else setOutcome({ kind: "problem", problem: problemFrom(error) });
    } finally {
      setBusy(false);
    }
  }

  return { date, setDate, value, setValue, errors, outcome, busy, submit };
}
