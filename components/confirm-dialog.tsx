"use client";

import { useState, type ReactElement, type ReactNode } from "react";
import { AlertDialog } from "@/components/ui/alert-dialog";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { ProblemAlert } from "@/components/problem-alert";
import type { Problem } from "@/lib/query/api-error";

export type ConfirmDialogProps = {
  open: boolean;
  onClose: () => void;
  title: string;
  /**
   * The consequences, read out as the dialog's description: one paragraph each, or (where they
   * need more than paragraphs, e.g. a list) the markup itself.
   */
  description: readonly ReactNode[] | ReactElement;
  /** Extra controls under the description (e.g. the manual-entry checkbox). */
  children?: ReactNode;
  confirmLabel: string;
  /** What the confirm button says while the change runs; default: `confirmLabel`. */
  busyLabel?: string;
  confirmVariant?: ButtonVariant;
  /** Runs the change; null when it went through (the dialog closes), else why not (it stays). */
  onConfirm: () => Promise<Problem | null>;
  /** Where focus goes when the dialog closes: the first of these ids found in the page. */
  returnFocusTo: readonly string[];
};

/**
 * The one confirmation dialog: it cannot be dismissed while the change runs, stays open with the
 * reason when the change did not happen (with Sign in again or Allow writing when that is the
 * way on), and closes only once it did.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { open, onClose, title, description, children, confirmLabel, onConfirm } = props;
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  async function confirm() {
    setBusy(true);
    setProblem(null);
    const outcome = await onConfirm();
    setBusy(false);
    if (outcome) setProblem(outcome);
    else onClose();
  }

  return (
    <AlertDialog.Root
      open={open}
      onOpenChange={(next) => {
        if (next || busy) return;
        setProblem(null);
        onClose();
      }}
    >
      <AlertDialog.Content
        onCloseAutoFocus={(event) => {
          // Without a Radix Trigger, put focus back on what opened the dialog ourselves.
          event.preventDefault();
          const target = props.returnFocusTo
            .map((id) => document.getElementById(id))
            .find((element) => element !== null && !element.matches(":disabled"));
          target?.focus();
        }}
      >
        <AlertDialog.Title>{title}</AlertDialog.Title>
        <AlertDialog.Description asChild>
          <div>
            {Array.isArray(description)
              ? description.map((paragraph, index) => <p key={index}>{paragraph}</p>)
              : description}
          </div>
        </AlertDialog.Description>
        {children}
        {problem ? <ProblemAlert problem={problem} /> : null}
        <AlertDialog.Footer>
          <AlertDialog.Close disabled={busy}>Cancel</AlertDialog.Close>
          <Button
            variant={props.confirmVariant ?? "primary"}
            onClick={() => {
              if (!busy) void confirm();
            }}
            aria-disabled={busy}
            aria-busy={busy}
          >
            {busy ? (props.busyLabel ?? confirmLabel) : confirmLabel}
          </Button>
        </AlertDialog.Footer>
      </AlertDialog.Content>
    </AlertDialog.Root>
  );
}
