"use client";

import { AllowWritingButton } from "@/components/access/allow-writing-button";
import { SignInAgainButton } from "@/components/auth/sign-in-again-button";
import { Button } from "@/components/ui/button";
import { missingWriteGroup } from "@/lib/scopes";
import type { BulkAction } from "@/lib/attributes/bulk";
import { type ItemResult, summaryText } from "@/lib/attributes/results";
import { BULK_RESULTS_ID } from "./ids";

type BulkResultsProps = {
  action: BulkAction;
  results: readonly ItemResult[];
  onDismiss: () => void;
};

/** What the last bulk change did, item by item, with Exist's reason for each failure. */
export function BulkResults({ action, results, onDismiss }: BulkResultsProps) {
  const failed = results.filter((result) => !result.ok);
  const succeeded = results.filter((result) => result.ok);
  // Groups Exist refused for want of their `_write` scope: one "Allow writing" each.
  const missing = [...new Set(failed.map((result) => missingWriteGroup(result.reason)))];
  // Exist refused the session part-way (401 after the one refresh): the rest was not sent.
  const sessionEnded = failed.some((result) => result.untried === "reauth_required");
  return (
    <section
      aria-labelledby={BULK_RESULTS_ID}
      className="mt-4 rounded-lg border border-slate-200 p-4 dark:border-slate-800"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={BULK_RESULTS_ID} tabIndex={-1} className="font-semibold">
          {summaryText(action, results)}
        </h2>
        <Button variant="ghost" onClick={onDismiss}>
          Dismiss
        </Button>
      </div>
      {failed.length > 0 ? (
        <div role="alert" className="mt-2">
          <h3 className="text-sm font-medium text-red-800 dark:text-red-300">
            Not changed ({failed.length})
          </h3>
          <ul aria-label="Failed" className="mt-1 space-y-1 text-sm">
            {failed.map((result) => (
              <li key={result.key}>
                <span className="font-medium">{result.label}</span>: {result.reason}
              </li>
            ))}
          </ul>
          <div className="mt-2 flex flex-wrap gap-2">
            {sessionEnded ? <SignInAgainButton /> : null}
            {missing.map((group) =>
              group ? <AllowWritingButton key={group} group={group} /> : null,
            )}
          </div>
        </div>
      ) : null}
      {succeeded.length > 0 ? (
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer">Changed ({succeeded.length})</summary>
          <ul aria-label="Changed" className="mt-1 list-inside list-disc">
            {succeeded.map((result) => (
              <li key={result.key}>{result.label}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
