"use client";

import { ConfirmDialog } from "@/components/confirm-dialog";
import type { Template as ExistTemplate } from "@/lib/api/contract";
import type { SingleChangeProps } from "./use-change-runner";
import { switchId, templateButtonId } from "./ids";

type TemplateDialogProps = SingleChangeProps & { template: ExistTemplate };

export function TemplateDialog({ template, onClose, run }: TemplateDialogProps) {
  return (
    <ConfirmDialog
      open
      onClose={onClose}
      title={`Create ${template.label}?`}
      description={[
        `${template.label} (${template.group.label}) will be created in your Exist account and owned by this app, so this app can write its values.`,
        "Exist does not ask you to confirm this.",
      ]}
      confirmLabel="Create and acquire"
      returnFocusTo={[switchId(template.name), templateButtonId(template.name)]}
      onConfirm={() =>
        run(
          { action: "acquire", items: [{ template: template.name }] },
          `${template.label} was created and is owned by this app.`,
        )
      }
    />
  );
}
