"use client";

import { useState, type ReactNode } from "react";
import { ConfirmDialog, type ConfirmDialogProps } from "@/components/confirm-dialog";
import { Button, type ButtonVariant } from "@/components/ui/button";

type ConfirmButtonProps = Omit<ConfirmDialogProps, "open" | "onClose" | "returnFocusTo"> & {
  /** The button's id; focus goes back to it when the dialog closes unless `returnFocusTo` says. */
  id: string;
  label: ReactNode;
  variant?: ButtonVariant;
  returnFocusTo?: readonly string[];
};

/** A button that asks first: it opens the confirmation, which runs the change. */
export function ConfirmButton({
  id,
  label,
  variant,
  returnFocusTo,
  ...dialog
}: ConfirmButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button id={id} variant={variant} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <ConfirmDialog
        {...dialog}
        open={open}
        onClose={() => setOpen(false)}
        returnFocusTo={returnFocusTo ?? [id]}
      />
    </>
  );
}
