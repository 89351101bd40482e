"use client";

import { cn } from "@/components/ui/cn";
import type { OwnerCount } from "@/lib/attributes/owners";

type OwnersSummaryProps = {
  owners: readonly OwnerCount[];
  selected: string;
  onSelect: (owner: string) => void;
};

/** Who owns what, each owner a button that filters the list (pressed again, it clears). */
export function OwnersSummary({ owners, selected, onSelect }: OwnersSummaryProps) {
  return (
    <nav aria-label="Owners" className="mt-6">
      <h2 className="text-sm font-medium text-slate-700 dark:text-slate-300">Owners</h2>
      <ul className="mt-2 flex flex-wrap gap-2">
        {owners.map((owner) => {
          const pressed = owner.key === selected;
          return (
            <li key={owner.key}>
              <button
                type="button"
                aria-pressed={pressed}
                onClick={() => onSelect(pressed ? "" : owner.key)}
                className={cn(
                  "inline-flex min-h-9 items-center gap-2 rounded-full border px-3 text-sm",
                  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:focus-visible:outline-indigo-300",
                  pressed
                    ? "border-indigo-700 bg-indigo-700 text-white dark:border-indigo-300 dark:bg-indigo-300 dark:text-slate-950"
                    : "border-slate-300 bg-white text-slate-900 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800",
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
