"use client";

import { useState } from "react";
import type { AttributesResponse } from "@/lib/api/contract";
import { acquireItems, type BulkAction, planBulk, releaseItems } from "@/lib/attributes/bulk";
import type { ItemResult } from "@/lib/attributes/results";
import type { Attribute } from "@/lib/attributes/types";
import type { OpenDialog } from "./change-dialog";
import type { useChangeRunner } from "./use-change-runner";
import type { useSelection } from "./use-selection";

type BulkChangeOptions = {
  data: AttributesResponse;
  selection: ReturnType<typeof useSelection>;
  runBulk: ReturnType<typeof useChangeRunner>["runBulk"];
  openDialog: (dialog: OpenDialog) => void;
  announce: (message: string) => void;
};

type LastResults = { action: BulkAction; results: ItemResult[] } | null;

/**
 * "Acquire selected" / "Release selected": which of the selected attributes would change (the
 * dialog shows it, or nothing opens when none would), the change once confirmed, and what it
 * did item by item. Afterwards only the items that failed stay selected, ready to retry.
 */
export function useBulkChange({
  data,
  selection,
  runBulk,
  openDialog,
  announce,
}: BulkChangeOptions) {
  const [lastResults, setLastResults] = useState<LastResults>(null);

  function open(action: BulkAction) {
    const plan = planBulk(action, selection.selectedAttributes, data);
    if (plan.changes.length > 0) openDialog({ kind: "bulk", action, plan });
    else announce(`None of the selected attributes can be ${action}d: nothing to change.`);
  }

  function confirm(action: BulkAction, changes: readonly Attribute[]) {
    const change =
      action === "acquire"
        ? { action, items: acquireItems(changes, data) }
        : { action, items: releaseItems(changes) };
    return runBulk(change, data.attributes, (done, results) => {
      setLastResults({ action: done, results });
      selection.keepOnly(results.filter((result) => !result.ok).map((result) => result.key));
    });
  }

  return { lastResults, dismissResults: () => setLastResults(null), open, confirm };
}
