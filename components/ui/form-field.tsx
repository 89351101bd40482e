import type { ReactNode } from "react";
import { cn } from "./cn";

/** A text input's look; `width` as a class, the field's whole row unless given. */
export const inputClass = (invalid?: boolean, width = "w-full") =>
  cn(
    width,
    "min-h-10 rounded-md border bg-white px-3 text-sm text-slate-900 dark:bg-slate-900 dark:text-slate-100",
    "focus-visible:outline-2 focus-visible:outline-indigo-600 dark:focus-visible:outline-indigo-300",
    invalid ? "border-red-700 dark:border-red-400" : "border-slate-300 dark:border-slate-600",
  );

/** Ids of a field's hint and error, for `aria-describedby`. */
export const describedBy = (id: string, hint: boolean, error: string | undefined) =>
  [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;

type FieldTextProps = { id: string; hint?: ReactNode; error?: string | undefined };

/** A field's hint and, when it was refused, why (announced as it appears). */
export function FieldText({ id, hint, error }: FieldTextProps) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-700 dark:text-slate-300">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-800 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </>
  );
}

type FieldProps = FieldTextProps & {
  label: ReactNode;
  /** Classes of the field's box, beside its grid. */
  className?: string;
  /** The control, with the field's `id`. */
  children: ReactNode;
};

/** A control under its label, with its hint and error below: the look of every form field. */
export function Field({ id, label, hint, error, className, children }: FieldProps) {
  return (
    <div className={cn("grid gap-1", className)}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children}
      <FieldText id={id} hint={hint} error={error} />
    </div>
  );
}
