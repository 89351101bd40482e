"use client";

import { ConfirmDialog } from "@/components/confirm-dialog";
import type { Template as ExistTemplate } from "@/lib/api/contract";
import type { RunChange } from "./use-change-runner";
import { switchId, templateButtonId } from "./ids";

type TemplateDialogProps = {
  template: ExistTemplate;
  onClose: () => void;
  run: RunChange;
};

export function TemplateDialog({ template, onClose, run }: TemplateDialogProps) {
  return (
    <ConfirmDialog
      open
      onClose={onClose}
      title={`Create ${template.label}?`}
      description={
        <>
          <p>
            {template.label} ({template.group.label}) will be created in your Exist account and
            owned by this app, so this app can write its values.
          </p>
          <p>Exist does not ask you to confirm this.</p>
        </>
      }
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
