"use client";

import { Fragment, useCallback, useState } from "react";
import type { AttributesResponse } from "@/lib/api/contract";
import type { BulkAction, BulkPlan } from "@/lib/attributes/bulk";
import type { Attribute } from "@/lib/attributes/types";
import type { LatestValue } from "@/lib/attributes/consequences";
import type { Problem } from "@/lib/query/api-error";
import { AcquireDialog, BulkDialog, LogDialog, NewTagDialog, ReleaseDialog } from "./lazy-dialogs";
import type { ListValues } from "./row-values";
import type { RunChange } from "./use-change-runner";

/** What a dialog was opened for, fixed at opening: optimistic updates must not change it. */
export type OpenDialog =
  | { kind: "acquire" | "release"; attribute: Attribute }
  | { kind: "bulk"; action: BulkAction; plan: BulkPlan }
  | { kind: "log"; attribute: Attribute }
  | { kind: "new-tag" }
  | null;

/**
 * The dialog open now, if any: a switch opens Acquire or Release, the bulk bar a bulk one, a
 * row's Log button the Log dialog.
 */
export function useOpenDialog() {
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const openFor = useCallback((attribute: Attribute) => {
    setDialog({ kind: attribute.ownedByApp ? "release" : "acquire", attribute });
  }, []);
  const openLog = useCallback((attribute: Attribute) => setDialog({ kind: "log", attribute }), []);
  return { dialog, open: setDialog, openFor, openLog, close: () => setDialog(null) };
}

/** The latest value's date for the dialogs; undefined while values are loading. */
function latestOf(values: ListValues, name: string): LatestValue {
  if (!values) return undefined;
  const latest = values.byName[name]?.latest;
  return latest ? { date: latest.date, today: values.view.today } : null;
}

type ChangeDialogProps = {
  dialog: OpenDialog;
  access: AttributesResponse;
  values: ListValues;
  onClose: () => void;
  run: RunChange;
  onConfirmBulk: (action: BulkAction, changes: readonly Attribute[]) => Promise<Problem | null>;
  /** From the Log dialog, when Exist says another service owns the attribute now. */
  onAcquire: (name: string) => void;
  announce: (message: string) => void;
};

/**
 * The dialog asked for: a confirmation (one attribute acquired or released, or a bulk change), or
 * a write (a value logged, a new tag).
 */
export function ChangeDialog(props: ChangeDialogProps) {
  const { dialog, access, values, onClose, run, onConfirmBulk } = props;
  if (!dialog) return null;
  if (dialog.kind === "new-tag")
    return <NewTagDialog onClose={onClose} announce={props.announce} />;
  if (dialog.kind === "bulk") {
    return (
      <BulkDialog
        action={dialog.action}
        changes={dialog.plan.changes}
        skipped={dialog.plan.skipped}
        onClose={onClose}
        onConfirm={() => onConfirmBulk(dialog.action, dialog.plan.changes)}
      />
    );
  }
  const { attribute } = dialog;
  // Keyed by the attribute: a dialog opened for another one starts afresh.
  return (
    <Fragment key={attribute.name}>
      {dialog.kind === "log" ? (
        <LogDialog
          attribute={attribute}
          onClose={onClose}
          onAcquire={props.onAcquire}
          announce={props.announce}
        />
      ) : dialog.kind === "acquire" ? (
        <AcquireDialog
          attribute={attribute}
          access={access}
          latest={latestOf(values, attribute.name)}
          onClose={onClose}
          run={run}
        />
      ) : (
        <ReleaseDialog attribute={attribute} onClose={onClose} run={run} />
      )}
    </Fragment>
  );
}
