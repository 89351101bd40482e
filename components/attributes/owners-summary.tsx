"use client";

import { useState } from "react";
import { cn } from "@/components/ui/cn";
import type { OwnerCount } from "@/lib/attributes/owners";

type OwnersSummaryProps = {
  owners: readonly OwnerCount[];
  selected: string;
  onSelect: (owner: string) => void;
};

/** On a phone the summary shows this many owners (the first), so the list starts on screen. */
const SHOWN_ON_PHONE = 2;

const chip = cn(
  "inline-flex min-h-9 items-center gap-2 rounded-full border px-3 text-sm",
  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:focus-visible:outline-indigo-300",
);
const idle =
  "border-slate-300 bg-white text-slate-900 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800";

/**
 * Who owns what, each owner a button that filters the list (pressed again, it clears). A phone
 * shows the first few and folds the rest behind "Show all"; the owner filtered by stays shown.
 */
export function OwnersSummary({ owners, selected, onSelect }: OwnersSummaryProps) {
  const [all, setAll] = useState(false);
  const folds = owners.length > SHOWN_ON_PHONE;
  return (
    <nav aria-label="Owners" className="mt-4 sm:mt-6">
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-sm font-medium text-slate-700 dark:text-slate-300">Owners</h2>
        {folds ? (
          <button
            type="button"
            aria-expanded={all}
            aria-controls="owners-list"
            onClick={() => setAll(!all)}
            className={cn(chip, "border-dashed sm:hidden", idle)}
          >
            {all ? "Show fewer owners" : `Show all ${owners.length} owners`}
          </button>
        ) : null}
      </div>
      <ul id="owners-list" className="mt-2 flex flex-wrap gap-2">
        {owners.map((owner, index) => {
          const pressed = owner.key === selected;
          const folded = folds && !all && !pressed && index >= SHOWN_ON_PHONE;
          return (
            <li key={owner.key} className={folded ? "max-sm:hidden" : undefined}>
              <button
                type="button"
                aria-pressed={pressed}
                onClick={() => onSelect(pressed ? "" : owner.key)}
                className={cn(
                  chip,
                  pressed
                    ? "border-indigo-700 bg-indigo-700 text-white dark:border-indigo-300 dark:bg-indigo-300 dark:text-slate-950"
                    : idle,
                )}
              >
                {owner.label}
                <span className="font-semibold tabular-nums">{owner.count}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
