/** A step's heading: its number is for the eye only, so the name is what the step is. */
export function StepHeading({
  id,
  step,
  children,
}: {
  id: string;
  step?: number;
  children: string;
}) {
  return (
    <h2 id={id} className="flex items-center gap-2 text-lg font-semibold">
      {step ? (
        <span
          aria-hidden="true"
          className="flex size-6 shrink-0 items-center justify-center rounded-full bg-indigo-100 text-sm text-indigo-950 dark:bg-indigo-900 dark:text-indigo-50"
        >
          {step}
        </span>
      ) : null}
      {children}
    </h2>
  );
}
