"use client";

import { ConfirmButton } from "@/components/confirm-button";
import type { ImportReport, ImportResponse } from "@/lib/api/contract";
import { count } from "@/lib/import/limits";
import { useImportAction } from "@/lib/query/use-imports";
import { useNow } from "./use-now";

const dayText = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: "long" });

/** Undo this import: the replaced values put back from the snapshot; new days cannot be emptied. */
export function UndoImport({ answer, report }: { answer: ImportResponse; report: ImportReport }) {
  const action = useImportAction(answer.id);
  const now = useNow(60_000);
  const expired = report.undoUntil !== null && Date.parse(report.undoUntil) < now;
  if (report.written === 0 || expired) return null;
  return (
    <ConfirmButton
      id="import-undo"
      variant="secondary"
      label="Undo this import"
      title="Undo this import?"
      description={[
        <>
          {report.replaced > 0
            ? `The ${count(report.replaced)} values this import replaced are put back as they were before it.`
            : "This import replaced no values, so none are put back."}
          {report.undoUntil
            ? ` Their earlier values are kept until ${dayText(report.undoUntil)}.`
            : ""}
        </>,
        `${count(report.newDays)} ${report.newDays === 1 ? "day was" : "days were"} empty before the import: Exist cannot empty a day again, so they keep the imported value.`,
      ]}
      confirmLabel="Undo import"
      busyLabel="Undoing…"
      onConfirm={() => action.run("undo")}
    />
  );
}
