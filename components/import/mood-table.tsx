"use client";

import { plural } from "@/lib/import/wording";
import type { MappingProps } from "./mapping-props";
import { setMood } from "./mapping-edit";
import { mutedClass, selectClass } from "./styles";

const STEPS = [9, 8, 7, 6, 5, 4, 3, 2, 1];

/** Daylio's moods, each to a step of Exist's mood scale (1 worst, 9 best): the person may rename moods. */
export function MoodTable({ summary, mapping, onChange }: MappingProps) {
  if (mapping.layout !== "daylio") return null;
  const rows = new Map(summary.daylio?.moods.map((mood) => [mood.label, mood.rows]));
  return (
    <fieldset className="mt-4">
      <legend className="font-medium">Moods</legend>
      <p className={mutedClass}>
        Exist rates a day from 1 (awful) to 9 (rad). Daylio’s own moods are filled in; set the moods
        you named yourself.
      </p>
      <ul className="mt-2 grid gap-2 sm:grid-cols-2">
        {mapping.moods.map((step, index) => (
          <li key={step.label} className="flex items-center justify-between gap-3">
            <div className="min-w-0">
              <label htmlFor={`import-mood-${index}`} className="break-words">
                {step.label} <span className="sr-only">mood</span>
              </label>
              <p id={`import-mood-${index}-rows`} className={mutedClass}>
                {plural(rows.get(step.label) ?? 0, "entry", "entries")}
              </p>
            </div>
            <select
              id={`import-mood-${index}`}
              className={`${selectClass} max-w-40`}
              value={step.value === null ? "" : String(step.value)}
              aria-invalid={step.value === null ? true : undefined}
              aria-describedby={`import-mood-${index}-rows`}
              onChange={(event) =>
                onChange(
                  setMood(
                    mapping,
                    step.label,
                    event.target.value ? Number(event.target.value) : null,
                  ),
                )
              }
            >
              <option value="">Not set</option>
              {STEPS.map((value) => (
                <option key={value} value={value}>
                  {value}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
