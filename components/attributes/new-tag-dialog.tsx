"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { describedBy, Field, inputClass } from "@/components/ui/form-field";
import { problemFrom, type Problem } from "@/lib/query/api-error";
import { answerLost, useCreateTag } from "@/lib/query/use-write";
import { missingWriteGroup } from "@/lib/scopes";
import "@/lib/validations/in-browser";
import { MAX_TAG_LABEL, tagLabelSchema } from "@/lib/validations/tags";
import { NEW_TAG_BUTTON_ID } from "./ids";
import { ProblemAlert } from "@/components/problem-alert";
import { WriteDialogFrame } from "./write-dialog-frame";

type NewTagDialogProps = { onClose: () => void; announce: (message: string) => void };

const UNKNOWN: Problem = {
  message:
    "Exist's answer was lost, so it is unknown whether the tag was created. The list is being loaded again from Exist: look for the tag there before creating it again.",
};

/** A new daily tag (a yes/no a day), created on Exist and owned by this app, ready to log. */
export function NewTagDialog({ onClose, announce }: NewTagDialogProps) {
  const id = useId();
  const [label, setLabel] = useState("");
  const [error, setError] = useState<string>();
  const [problem, setProblem] = useState<Problem | null>(null);
  const create = useCreateTag();

  async function submit() {
    if (create.isPending) return;
    const parsed = tagLabelSchema.safeParse(label);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message);
      document.getElementById(id)?.focus();
      return;
    }
    setError(undefined);
    setProblem(null);
    try {
      const answer = await create.mutateAsync(parsed.data);
      const tag = answer.success[0];
      const refused = answer.failed[0];
      if (tag) {
        announce(`Created the daily tag ${tag.label}, owned by this app, in ${tag.group.label}.`);
        return onClose();
      }
      if (!refused) return setProblem(UNKNOWN);
      const allowWriting = missingWriteGroup(refused.error) ?? undefined;
      setProblem({ message: `Exist did not create the tag: ${refused.error}`, allowWriting });
    } catch (caught) {
      setProblem(answerLost(caught) ? UNKNOWN : problemFrom(caught));
    }
  }

  const busy = create.isPending;
  return (
    <WriteDialogFrame
      title="New daily tag"
      busy={busy}
      onClose={onClose}
      returnFocusTo={[NEW_TAG_BUTTON_ID]}
    >
      <Dialog.Description>
        A daily tag is a yes or no you log for each day, such as “Swim”. Exist creates it owned by
        this app. Exist offers no way to delete an attribute: once created, the tag stays in your
        account.
      </Dialog.Description>
      <form
        noValidate
        className="grid gap-4"
        aria-busy={busy}
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Field
          id={id}
          label="Tag name"
          hint={`At most ${MAX_TAG_LABEL} characters. Exist makes the tag's name from it.`}
          error={error}
        >
          <input
            id={id}
            type="text"
            autoComplete="off"
            value={label}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(id, true, error)}
            className={inputClass(Boolean(error))}
            onChange={(event) => setLabel(event.target.value)}
          />
        </Field>
        {problem ? <ProblemAlert problem={problem} /> : null}
        <Dialog.Footer>
          <Dialog.Close disabled={busy}>Cancel</Dialog.Close>
          <Button type="submit" aria-disabled={busy} aria-busy={busy}>
            Create tag
          </Button>
        </Dialog.Footer>
      </form>
    </WriteDialogFrame>
  );
}
