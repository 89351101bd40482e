"use client";

import type { ImportResponse } from "@/lib/api/contract";
import { count } from "@/lib/import/limits";
import { clockText, durationText, plural } from "@/lib/import/wording";
import { ImportControls } from "./import-controls";
import { StepHeading } from "./step-heading";
import { cardClass, mutedClass } from "./styles";
import { useNow } from "./use-now";

/** "Waiting for Exist's hourly limit until 19:00", on the person's own clock. */
export function waitingText(until: string, windowSeconds: number): string {
  const limit = windowSeconds === 3600 ? "hourly limit" : "call limit";
  return `Waiting for Exist's ${limit} until ${clockText(until)}`;
}

function timeLeft(answer: ImportResponse, now: number): string | null {
  const end = answer.progress.estimatedEnd;
  if (!end || answer.status !== "running") return null;
  const seconds = Math.max(0, (Date.parse(end) - now) / 1000);
  return `${durationText(seconds)} left`;
}

/** The import at work (or paused): how far, what it waits for, and Pause, Resume, Cancel import. */
export function ImportProgressPanel({ answer }: { answer: ImportResponse }) {
  const now = useNow();
  const { progress, preview } = answer;
  const undoing = answer.status === "undoing";
  const done = progress.written + progress.refused;
  const left = timeLeft(answer, now);
  return (
    <section aria-labelledby="import-progress-heading" className={cardClass}>
      <StepHeading id="import-progress-heading">
        {undoing
          ? `Putting back the values ${answer.fileName} replaced`
          : `Importing ${answer.fileName}`}
      </StepHeading>
      <div
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={progress.total}
        aria-valuenow={progress.written}
        aria-valuetext={`${count(progress.written)} of ${count(progress.total)} values written`}
        className="mt-3 h-3 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
      >
        <div
          className="h-full bg-indigo-700 transition-[width] dark:bg-indigo-400"
          style={{ width: `${progress.total ? (100 * done) / progress.total : 0}%` }}
        />
      </div>
      <p className="mt-2 text-sm tabular-nums">
        {count(progress.written)} of {count(progress.total)} values written
        {progress.refused ? `, ${count(progress.refused)} refused by Exist` : ""} ·{" "}
        {plural(progress.calls, "call")} of {count(preview.writeCalls)} used
        {left ? ` · ${left}` : ""}
      </p>
      <div role="status" className="mt-2 text-sm">
        {answer.status === "paused" ? (
          <p>Paused: nothing is written until you resume.</p>
        ) : progress.waitingUntil ? (
          <p className="rounded-md bg-amber-50 p-2 text-amber-950 dark:bg-amber-950 dark:text-amber-50">
            {waitingText(progress.waitingUntil, preview.windowSeconds)}, so the rest of the app
            keeps working.
          </p>
        ) : null}
      </div>
      {answer.status === "paused" ? null : (
        <p className={`${mutedClass} mt-2`}>
          The import goes on when you close this page or the app restarts.
        </p>
      )}
      {undoing ? null : <ImportControls answer={answer} />}
    </section>
  );
}
