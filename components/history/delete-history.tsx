"use client";

import { ConfirmButton } from "@/components/confirm-button";
import { ApiResponseError } from "@/lib/query/api-error";
import { useDeleteHistory } from "@/lib/query/use-history";

const OPENER_ID = "delete-history";

/** **Delete my history**, after a confirmation; the dialog stays open with the error on failure. */
export function DeleteHistory() {
  const { mutateAsync } = useDeleteHistory();

  async function remove() {
    try {
      await mutateAsync();
      return null;
    } catch (error) {
      const sessionEnded = error instanceof ApiResponseError && error.sessionEnded;
      return { message: "Your history could not be deleted. Try again.", sessionEnded };
    }
  }

  return (
    <ConfirmButton
      id={OPENER_ID}
      variant="danger"
      label="Delete my history"
      title="Delete your history?"
      description={[
        "Every entry this app keeps about your attributes (changes made here and owner changes seen elsewhere) is deleted for good. Your attributes and their owners on Exist do not change.",
      ]}
      confirmLabel="Delete"
      busyLabel="Deleting…"
      confirmVariant="danger"
      onConfirm={remove}
    />
  );
}
