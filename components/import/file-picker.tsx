"use client";

import {
  MAX_COLUMNS,
  MAX_FILE_BYTES,
  MAX_IMPORT_ATTRIBUTES,
  MAX_IMPORT_VALUES,
  MAX_ROWS,
  count,
  size,
} from "@/lib/import/limits";
import type { ImportProgress } from "@/lib/import/protocol";
import { problemBoxClass } from "@/components/problem-alert";
import type { FileState } from "./use-import-file";
import { StepHeading } from "./step-heading";
import { cardClass, mutedClass } from "./styles";

const STAGE_WORDS: Record<ImportProgress["stage"], string> = {
  reading: "Reading",
  parsing: "Reading rows of",
  planning: "Working out the values of",
};

function ReadingProgress({
  fileName,
  progress,
}: {
  fileName: string;
  progress: ImportProgress | null;
}) {
  const percent = Math.round((progress?.fraction ?? 0) * 100);
  const rows = progress?.rows ? ` (${count(progress.rows)} rows so far)` : "";
  return (
    <div className="mt-3 grid gap-1">
      <p role="status" className="text-sm">
        {STAGE_WORDS[progress?.stage ?? "reading"]} {fileName}… {percent}%{rows}
      </p>
      <progress
        className="h-2 w-full accent-indigo-700"
        aria-label="Reading the file"
        max={100}
        value={percent}
      />
    </div>
  );
}

/** Choose or drop a CSV or TSV file; its reading, or why it cannot be imported. */
export function FilePicker({ state, onFile }: { state: FileState; onFile: (file: File) => void }) {
  return (
    <section aria-labelledby="import-file-heading" className={cardClass}>
      <StepHeading id="import-file-heading" step={1}>
        Choose a file
      </StepHeading>
      <p className={mutedClass}>
        A CSV or TSV file: a spreadsheet (a date column and one column per attribute), a list of
        date, attribute and value rows, or Daylio’s CSV export. You can also drop it anywhere on
        this page. The file is read in this browser; nothing is sent until you preview.
      </p>
      <div className="mt-3 grid gap-1">
        <label htmlFor="import-file" className="font-medium">
          File
        </label>
        <input
          id="import-file"
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
          aria-describedby="import-file-limits"
          className="block w-full max-w-full text-sm file:mr-3 file:min-h-10 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-4 file:text-sm file:font-medium file:text-slate-900 dark:file:border-slate-600 dark:file:bg-slate-900 dark:file:text-slate-100"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) onFile(file);
            event.target.value = "";
          }}
        />
        <p id="import-file-limits" className="text-xs text-slate-700 dark:text-slate-300">
          At most {size(MAX_FILE_BYTES)}, {count(MAX_ROWS)} rows and {MAX_COLUMNS} columns, UTF-8;
          one import writes at most {count(MAX_IMPORT_VALUES)} values to {MAX_IMPORT_ATTRIBUTES}{" "}
          attributes.
        </p>
      </div>
      {state.stage === "reading" ? (
        <ReadingProgress fileName={state.fileName} progress={state.progress} />
      ) : null}
      {state.stage === "refused" ? (
        <div role="alert" className={`${problemBoxClass} mt-3`}>
          <p className="font-medium">{state.fileName} cannot be imported.</p>
          <p>{state.message}</p>
        </div>
      ) : null}
      {state.stage === "mapping" ? (
        <p role="status" className="mt-3 text-sm">
          Read {state.fileName}: {count(state.summary.rowCount)} rows.
        </p>
      ) : null}
    </section>
  );
}
