"use client";

import { buttonClass } from "@/components/ui/button";
import { Button } from "@/components/ui/button";
import type { ImportReport, ImportResponse } from "@/lib/api/contract";
import { count } from "@/lib/import/limits";
import { importReportUrl } from "@/lib/query/fetchers";
import { ImportControls } from "./import-controls";
import { StepHeading } from "./step-heading";
import { cardClass, mutedClass } from "./styles";
import { UndoImport } from "./undo-import";

const TITLES: Partial<Record<ImportResponse["status"], string>> = {
  finished: "Import finished",
  cancelled: "Import cancelled",
  undone: "Import undone",
  failed: "Import stopped",
};

function Refused({ report }: { report: ImportReport }) {
  if (report.refusedCount === 0) return null;
  return (
    <div className="mt-3">
      <h3 className="font-medium">Refused by Exist: {count(report.refusedCount)}</h3>
      <ul className={`${mutedClass} mt-1`}>
        {report.refused.slice(0, 5).map((item) => (
          <li key={`${item.name}:${item.date}`}>
            {item.date}, {item.name}: {item.error}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Cancelled: the values never sent, so the written count is not read as all of the file. */
function NotWritten({ answer }: { answer: ImportResponse }) {
  const { total, written, refused } = answer.progress;
  const left = total - written - refused;
  if (left <= 0) return null;
  return (
    <p className="mt-2 text-sm">
      {count(left)} {left === 1 ? "value was" : "values were"} not written: the import was cancelled
      first.
    </p>
  );
}

/** The end: what was written, skipped and refused, the report, and Undo this import. */
export function ImportFinished({
  answer,
  onAnother,
}: {
  answer: ImportResponse;
  onAnother: () => void;
}) {
  const { report } = answer;
  return (
    <section aria-label="Import finished" className={cardClass}>
      <StepHeading id="import-finished-heading">
        {TITLES[answer.status] ?? "Import finished"}
      </StepHeading>
      <p className={mutedClass}>{answer.fileName}</p>
      {answer.problem ? (
        <p role="alert" className="mt-2 text-sm text-red-800 dark:text-red-300">
          {answer.problem.message}
        </p>
      ) : null}
      {report ? (
        <>
          <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1">
            <li>
              <span className="font-semibold tabular-nums">{count(report.written)}</span> written
            </li>
            <li>
              <span className="font-semibold tabular-nums">{count(report.unchanged)}</span>{" "}
              unchanged
            </li>
            <li>
              <span className="font-semibold tabular-nums">{count(report.invalid)}</span> invalid
              rows
            </li>
            <li>
              <span className="font-semibold tabular-nums">{count(report.refusedCount)}</span>{" "}
              refused by Exist
            </li>
          </ul>
          {answer.status === "cancelled" ? <NotWritten answer={answer} /> : null}
          <Refused report={report} />
        </>
      ) : null}
      {answer.status === "failed" ? <ImportControls answer={answer} /> : null}
      <div className="mt-4 flex flex-wrap gap-3">
        <a href={importReportUrl(answer.id)} download className={buttonClass("secondary")}>
          Download the report (CSV)
        </a>
        {report && (answer.status === "finished" || answer.status === "cancelled") ? (
          <UndoImport answer={answer} report={report} />
        ) : null}
        <Button variant="ghost" onClick={onAnother}>
          Import another file
        </Button>
      </div>
    </section>
  );
}
