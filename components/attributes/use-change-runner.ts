"use client";

import type { BulkAction } from "@/lib/attributes/bulk";
import { type ItemResult, labelMap, summarize, summaryText } from "@/lib/attributes/results";
import type { Attribute } from "@/lib/attributes/types";
import { problemFrom, type Problem } from "@/lib/query/api-error";
import { type OwnershipChange, useOwnershipMutation } from "@/lib/query/use-ownership";

export type RunChange = (change: OwnershipChange, success: string) => Promise<Problem | null>;

/**
 * Runs ownership changes for the dialogs: a single change fails as a whole (the dialog shows why);
 * a bulk change reports item by item.
 */
export function useChangeRunner(announce: (message: string) => void) {
  const mutation = useOwnershipMutation();
  const { mutateAsync } = mutation;

  const runSingle: RunChange = async (change, success) => {
    try {
      const result = await mutateAsync(change);
      const failure = result.failed[0];
      if (failure) return { message: `Exist did not make the change: ${failure.error}` };
      announce(success);
      return null;
    } catch (error) {
      return problemFrom(error);
    }
  };

  const runBulk = async (
    change: OwnershipChange,
    attributes: readonly Attribute[],
    onResults: (action: BulkAction, results: ItemResult[]) => void,
  ): Promise<Problem | null> => {
    try {
      const result = await mutateAsync(change);
      const results = summarize(change.items, result, labelMap(attributes));
      onResults(change.action, results);
      announce(summaryText(change.action, results));
      return null;
    } catch (error) {
      return problemFrom(error);
    }
  };

  return { runSingle, runBulk };
}
