"use client";

import { useState } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { Button } from "@/components/ui/button";
import { ApiResponseError } from "@/lib/query/api-error";
import { useDeleteHistory } from "@/lib/query/use-history";

const OPENER_ID = "delete-history";

/** **Delete my history**, after a confirmation; the dialog stays open with the error on failure. */
export function DeleteHistory() {
  const [open, setOpen] = useState(false);
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
    <>
      <Button id={OPENER_ID} variant="danger" onClick={() => setOpen(true)}>
        Delete my history
      </Button>
      {open ? (
        <ConfirmDialog
          open
          onClose={() => setOpen(false)}
          title="Delete your history?"
          description={
            <p>
              Every entry this app keeps about your attributes (changes made here and owner changes
              seen elsewhere) is deleted for good. Your attributes and their owners on Exist do not
              change.
            </p>
          }
          confirmLabel="Delete"
          busyLabel="Deleting…"
          confirmVariant="danger"
          returnFocusTo={[OPENER_ID]}
          onConfirm={remove}
        />
      ) : null}
    </>
  );
}
