"use client";

import { ConfirmDialog } from "@/components/confirm-dialog";
import type { Attribute } from "@/lib/attributes/types";
import {
  NO_CONSENT_NOTE,
  releaseConsequence,
  releaseDataConsequence,
} from "@/lib/attributes/consequences";
import { releaseTarget } from "@/lib/attributes/wording";
import type { RunChange } from "./use-change-runner";
import { switchId } from "./ids";

type ReleaseDialogProps = {
  attribute: Attribute;
  onClose: () => void;
  run: RunChange;
};

export function ReleaseDialog({ attribute, onClose, run }: ReleaseDialogProps) {
  const target = releaseTarget(attribute);
  const outcome = target ? `now owned by ${target.label}` : "it is now inactive";
  return (
    <ConfirmDialog
      open
      onClose={onClose}
      title={`Release ${attribute.label}?`}
      description={
        <>
          <p>This app will stop being able to write {attribute.label}.</p>
          <p>{releaseConsequence(attribute)}</p>
          <p>{releaseDataConsequence(attribute)}</p>
          <p>{NO_CONSENT_NOTE}</p>
        </>
      }
      confirmLabel="Release"
      confirmVariant="danger"
      returnFocusTo={[switchId(attribute.name)]}
      onConfirm={() =>
        run(
          { action: "release", items: [{ name: attribute.name }] },
          `${attribute.label} released: ${outcome}.`,
        )
      }
    />
  );
}
