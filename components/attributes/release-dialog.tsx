"use client";

import { ConfirmDialog } from "@/components/confirm-dialog";
import type { Attribute } from "@/lib/attributes/types";
import { releaseConsequences } from "@/lib/attributes/consequences";
import { releaseTarget } from "@/lib/attributes/wording";
import type { SingleChangeProps } from "./use-change-runner";
import { switchId } from "./ids";

type ReleaseDialogProps = SingleChangeProps & { attribute: Attribute };

export function ReleaseDialog({ attribute, onClose, run }: ReleaseDialogProps) {
  const target = releaseTarget(attribute);
  const outcome = target ? `now owned by ${target.label}` : "it is now inactive";
  return (
    <ConfirmDialog
      open
      onClose={onClose}
      title={`Release ${attribute.label}?`}
      description={releaseConsequences(attribute)}
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
