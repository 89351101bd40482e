"use client";

import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { cn } from "@/components/ui/cn";
import type { BulkAction } from "@/lib/attributes/bulk";
import { BULK_ACQUIRE_ID, BULK_RELEASE_ID } from "./ids";

type BulkBarProps = {
  selectedCount: number;
  shownCount: number;
  allShownSelected: boolean;
  onSelectShown: (selected: boolean) => void;
  onClear: () => void;
  onBulk: (action: BulkAction) => void;
};

/** Select what is shown, and change the selected rows at once; on a phone, once one is selected. */
export function BulkBar(props: BulkBarProps) {
  const { selectedCount } = props;
  return (
    <div
      className={cn(
        "mt-4 flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg border border-slate-200 p-3 dark:border-slate-800",
        selectedCount === 0 && "max-sm:hidden",
      )}
    >
      <label className="flex min-h-10 items-center gap-2 text-sm">
        <Checkbox
          checked={props.allShownSelected}
          disabled={props.shownCount === 0}
          onChange={(event) => props.onSelectShown(event.target.checked)}
        />
        Select all shown ({props.shownCount})
      </label>
      <p className="text-sm text-slate-700 dark:text-slate-300" aria-live="polite">
        {selectedCount} selected
      </p>
      <div className="flex flex-wrap gap-2 sm:ml-auto">
        <Button
          id={BULK_ACQUIRE_ID}
          disabled={selectedCount === 0}
          onClick={() => props.onBulk("acquire")}
        >
          Acquire selected
        </Button>
        <Button
          id={BULK_RELEASE_ID}
          variant="secondary"
          disabled={selectedCount === 0}
          onClick={() => props.onBulk("release")}
        >
          Release selected
        </Button>
        {selectedCount > 0 ? (
          <Button variant="ghost" onClick={props.onClear}>
            Clear selection
          </Button>
        ) : null}
      </div>
    </div>
  );
}
