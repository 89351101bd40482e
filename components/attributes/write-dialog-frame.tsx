"use client";

import type { ReactNode } from "react";
import { Dialog } from "@/components/ui/dialog";

type WriteDialogFrameProps = {
  title: string;
  /** While a request runs the dialog cannot be dismissed: its outcome is shown in it. */
  busy?: boolean;
  onClose: () => void;
  /** Where focus goes when the dialog closes: the first of these ids found in the page. */
  returnFocusTo: readonly string[];
  /** The input to focus on opening (else Radix focuses the first one). */
  focusOnOpen?: string;
  children: ReactNode;
};

/** The Log and New tag dialogs' frame: a Radix dialog that gives focus back where it was. */
export function WriteDialogFrame(props: WriteDialogFrameProps) {
  const { title, busy, onClose, returnFocusTo, focusOnOpen, children } = props;
  return (
    <Dialog.Root
      open
      onOpenChange={(next) => {
        if (!next && !busy) onClose();
      }}
    >
      <Dialog.Content
        onOpenAutoFocus={(event) => {
          const target = focusOnOpen ? document.getElementById(focusOnOpen) : null;
          if (!target) return;
          event.preventDefault();
          target.focus();
        }}
        onCloseAutoFocus={(event) => {
          // Without a Radix Trigger, put focus back on what opened the dialog ourselves.
          event.preventDefault();
          const target = returnFocusTo
            .map((id) => document.getElementById(id))
            .find((element) => element !== null && !element.matches(":disabled"));
          target?.focus();
        }}
      >
        <Dialog.Title>{title}</Dialog.Title>
        {children}
      </Dialog.Content>
    </Dialog.Root>
  );
}
