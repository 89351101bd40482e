"use client";

import { useId, useState } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { Checkbox } from "@/components/ui/checkbox";
import { needsManual, type WriteAccess } from "@/lib/scopes";
import type { Attribute } from "@/lib/attributes/types";
import { acquireConsequences, type LatestValue } from "@/lib/attributes/consequences";
import type { SingleChangeProps } from "./use-change-runner";
import { switchId } from "./ids";

type AcquireDialogProps = SingleChangeProps & {
  attribute: Attribute;
  access: WriteAccess;
  /** When the current owner last wrote it (undefined while values load). */
  latest?: LatestValue;
};

export function AcquireDialog({ attribute, access, latest, onClose, run }: AcquireDialogProps) {
  const forcedManual = needsManual(attribute, access);
  const [manual, setManual] = useState(attribute.manual || forcedManual);
  const manualId = useId();

  return (
    <ConfirmDialog
      open
      onClose={onClose}
      title={`Acquire ${attribute.label}?`}
      description={acquireConsequences(attribute, latest)}
      confirmLabel="Acquire"
      returnFocusTo={[switchId(attribute.name)]}
      onConfirm={() =>
        run(
          { action: "acquire", items: [{ name: attribute.name, manual }] },
          `${attribute.label} is now owned by this app.`,
        )
      }
    >
      <div className="flex items-start gap-3 rounded-md bg-slate-50 p-3 dark:bg-slate-800">
        <Checkbox
          id={manualId}
          checked={manual}
          onChange={(event) => setManual(event.target.checked)}
          disabled={forcedManual}
          aria-describedby={`${manualId}-hint`}
          className="mt-0.5"
        />
        <div className="text-sm">
          <label htmlFor={manualId} className="font-medium">
            Manual entry
          </label>
          <p id={`${manualId}-hint`} className="text-slate-700 dark:text-slate-300">
            {forcedManual
              ? "Required: this app may write this group only as manual entry (manual_write)."
              : "Mark it as entered by hand rather than filled in automatically by a device or service."}
          </p>
        </div>
      </div>
    </ConfirmDialog>
  );
}
