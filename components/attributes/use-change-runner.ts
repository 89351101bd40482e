"use client";

import type { BulkAction } from "@/lib/attributes/bulk";
import { type ItemResult, labelMap, summarize, summaryText } from "@/lib/attributes/results";
import type { Attribute } from "@/lib/attributes/types";
import { ApiError, problemFrom, type Problem } from "@/lib/query/api-error";
import { type OwnershipChange, useOwnershipMutation } from "@/lib/query/use-ownership";

/**
 * Why a change failed. Exist may still carry out a change it did not answer in time (it got the
 * request), so "try again" alone would not be the truth.
 */
function changeProblem(error: unknown): Problem {
  if (error instanceof ApiError && error.code === "upstream_timeout") {
    return {
      message:
        "Exist did not answer in time, so this change may or may not have been made. The list shows Exist's owners when you come back to this page; try again if needed.",
    };
  }
  return problemFrom(error);
}

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
      return changeProblem(error);
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
      return changeProblem(error);
    }
  };

  return { runSingle, runBulk };
}
