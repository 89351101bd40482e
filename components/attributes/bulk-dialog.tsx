"use client";

import { ConfirmDialog } from "@/components/confirm-dialog";
import { type BulkAction, bulkChangeText } from "@/lib/attributes/bulk";
import { bulkGroupSummaries } from "@/lib/attributes/bulk-summary";
import type { Attribute } from "@/lib/attributes/types";
import { NO_CONSENT_NOTE } from "@/lib/attributes/consequences";
import type { Problem } from "@/lib/query/api-error";
import { BULK_ACQUIRE_ID, BULK_RELEASE_ID, BULK_RESULTS_ID } from "./ids";

type BulkDialogProps = {
  action: BulkAction;
  changes: readonly Attribute[];
  skipped: number;
  onClose: () => void;
  onConfirm: () => Promise<Problem | null>;
};

export function BulkDialog({ action, changes, skipped, onClose, onConfirm }: BulkDialogProps) {
  const verb = action === "acquire" ? "Acquire" : "Release";
  const noun = changes.length === 1 ? "attribute" : "attributes";
  const effect =
    action === "acquire"
      ? "Their current owners will stop being able to write them."
      : "This app will stop being able to write them; each passes to another service that can supply it, or becomes inactive.";
  return (
    <ConfirmDialog
      open
      onClose={onClose}
      title={`${verb} ${changes.length} ${noun}?`}
      description={
        <>
          <p>{effect}</p>
          <ul aria-label="What happens to the data" className="list-disc space-y-1 pl-5">
            {bulkGroupSummaries(action, changes).map((summary) => (
              <li key={summary.group.name}>{summary.text}</li>
            ))}
          </ul>
          <p>{NO_CONSENT_NOTE}</p>
          {skipped > 0 ? (
            <p>
              {skipped} other selected {skipped === 1 ? "attribute is" : "attributes are"} left as
              {skipped === 1 ? " it is" : " they are"} (already in that state, or read-only).
            </p>
          ) : null}
        </>
      }
      confirmLabel={verb}
      confirmVariant={action === "release" ? "danger" : "primary"}
      returnFocusTo={[action === "acquire" ? BULK_ACQUIRE_ID : BULK_RELEASE_ID, BULK_RESULTS_ID]}
      onConfirm={onConfirm}
    >
      <ul
        aria-label="What changes"
        tabIndex={0}
        className="max-h-60 divide-y divide-slate-200 overflow-y-auto rounded-md border border-slate-200 text-sm dark:divide-slate-700 dark:border-slate-700"
      >
        {changes.map((attribute) => (
          <li key={attribute.name} className="flex justify-between gap-3 px-3 py-1.5">
            <span className="font-medium">{attribute.label}</span>
            <span className="text-right text-slate-700 dark:text-slate-300">
              {bulkChangeText(action, attribute)}
            </span>
          </li>
        ))}
      </ul>
    </ConfirmDialog>
  );
}
