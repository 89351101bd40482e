"use client";

import { missingWriteGroup } from "@/lib/scopes";
import type { BulkAction } from "@/lib/attributes/bulk";
import { type ItemResult, labelMap, summarize, summaryText } from "@/lib/attributes/results";
import type { Attribute } from "@/lib/attributes/types";
import { ApiResponseError, problemFrom, type Problem } from "@/lib/query/api-error";
import { type OwnershipChange, useOwnershipMutation } from "@/lib/query/use-ownership";

/**
 * Why a change failed. Exist may still carry out a change it did not answer in time (it got the
 * request), so "try again" alone would not be the truth.
 */
function changeProblem(error: unknown): Problem {
  if (error instanceof ApiResponseError && error.code === "upstream_timeout") {
    return {
      message:
        "Exist did not answer in time, so this change may or may not have been made. The list shows Exist's owners when you come back to this page; try again if needed.",
    };
  }
  if (error instanceof ApiResponseError && error.sessionEnded) {
    // Exist refused the token even after the one refresh, before changing anything.
    return {
      message:
        "Your Exist session has ended, so this change was not made. Sign in again; back on this page, make the change again if you still want it.",
      sessionEnded: true,
    };
  }
  return problemFrom(error);
}

export type RunChange = (change: OwnershipChange, success: string) => Promise<Problem | null>;

/** What each confirmation of one change (acquire, release, template) is given by its opener. */
export type SingleChangeProps = { onClose: () => void; run: RunChange };

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
      if (failure) {
        const allowWriting = missingWriteGroup(failure.error) ?? undefined;
        return { message: `Exist did not make the change: ${failure.error}`, allowWriting };
      }
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
