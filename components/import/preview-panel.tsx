"use client";

import { ProblemAlert } from "@/components/problem-alert";
import { Button } from "@/components/ui/button";
import type { Attribute, ImportResponse, Units } from "@/lib/api/contract";
import { count } from "@/lib/import/limits";
import type { InvalidCell } from "@/lib/import/types";
import type { Problem } from "@/lib/query/api-error";
import { PreviewAttributes } from "./preview-attributes";
import { PreviewCost } from "./preview-cost";
import { PreviewCounts } from "./preview-counts";
import { PreviewInvalid } from "./preview-invalid";
import { StepHeading } from "./step-heading";
import { cardClass, mutedClass } from "./styles";

type PreviewPanelProps = {
  answer: ImportResponse;
  known: readonly Attribute[];
  units: Units;
  invalid: readonly InvalidCell[];
  /** Per attribute (targetKey), its cells that gave no value; the total counts bad dates too. */
  invalidByKey?: Readonly<Record<string, number>>;
  busy: boolean;
  problem: Problem | null;
  onStart: () => void;
};

/** What the import would change in Exist, what it costs, and Start import. Nothing is written yet. */
export function PreviewPanel({
  answer,
  known,
  units,
  invalid,
  invalidByKey,
  busy,
  problem,
  onStart,
}: PreviewPanelProps) {
  const { preview } = answer;
  const { totals } = preview;
  const nothing = totals.new + totals.replace === 0;
  return (
    <section aria-labelledby="import-preview-heading" className={cardClass}>
      <StepHeading id="import-preview-heading" step={3}>
        Preview
      </StepHeading>
      <p className={mutedClass}>Compared with what Exist holds now. Nothing has been written.</p>
      <div className="mt-3">
        <PreviewCounts counts={totals} big />
      </div>
      {nothing ? (
        <p className="mt-3 rounded-md bg-emerald-50 p-3 text-emerald-950 dark:bg-emerald-950 dark:text-emerald-50">
          Nothing would change: Exist already holds every value of this file.
        </p>
      ) : null}
      {totals.cannotEmpty > 0 ? (
        <p className="mt-3 text-sm">
          {count(totals.cannotEmpty)} cannot be emptied: these days are empty in the file but have a
          value in Exist, and Exist has no way to empty a day, so they keep their value.
        </p>
      ) : null}
      <PreviewAttributes
        attributes={preview.attributes}
        known={known}
        units={units}
        invalidByKey={invalidByKey}
      />
      <PreviewInvalid fileName={answer.fileName} cells={invalid} total={totals.invalid} />
      <PreviewCost preview={preview} />
      {problem ? (
        <div className="mt-3">
          <ProblemAlert problem={problem} />
        </div>
      ) : null}
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <Button
          id="import-start"
          disabled={nothing}
          aria-disabled={busy || undefined}
          aria-busy={busy || undefined}
          onClick={() => {
            if (!busy) onStart();
          }}
        >
          {busy ? "Starting…" : "Start import"}
        </Button>
        {nothing ? <p className={mutedClass}>There is nothing to import.</p> : null}
      </div>
    </section>
  );
}
