"use client";

import { AcquireDialog } from "@/components/attributes/acquire-dialog";
import { BulkDialog } from "@/components/attributes/bulk-dialog";
import { useChangeRunner } from "@/components/attributes/use-change-runner";
import { ConfirmDialog } from "@/components/confirm-dialog";
import type { AttributesResponse, ImportResponse } from "@/lib/api/contract";
import { acquireItems } from "@/lib/attributes/bulk";
import { tagsToCreate, type useStartFlow } from "./use-start-flow";

type StartDialogsProps = {
  answer: ImportResponse;
  access: AttributesResponse;
  flow: ReturnType<typeof useStartFlow>;
  announce: (message: string) => void;
};

/** The confirmations Start import asks for, one after the other. */
export function StartDialogs({ answer, access, flow, announce }: StartDialogsProps) {
  const { runSingle, runBulk } = useChangeRunner(announce);
  const unowned = flow.acquiring;
  const close = () => flow.setStep(null);
  const [only] = unowned;

  if (flow.step === "acquire" && unowned.length === 1 && only) {
    return (
      <AcquireDialog
        attribute={only}
        access={access}
        onClose={close}
        run={async (change, success) => {
          const problem = await runSingle(change, success);
          if (!problem) flow.after("acquire");
          return problem;
        }}
      />
    );
  }
  if (flow.step === "acquire" && unowned.length > 1) {
    return (
      <BulkDialog
        action="acquire"
        changes={unowned}
        skipped={0}
        onClose={close}
        onConfirm={() =>
          runBulk(
            { action: "acquire", items: acquireItems(unowned, access) },
            unowned,
            (_action, results) => {
              const refused = results.filter((result) => !result.ok);
              if (refused.length === 0) flow.after("acquire");
              else
                announce(
                  `Not acquired: ${refused.map((r) => `${r.label} (${r.reason ?? "refused"})`).join(", ")}.`,
                );
            },
          )
        }
      />
    );
  }
  if (flow.step === "tags") {
    const labels = tagsToCreate(answer);
    const noun = labels.length === 1 ? "daily tag" : "daily tags";
    return (
      <ConfirmDialog
        open
        onClose={close}
        title={`Create ${labels.length} ${noun}?`}
        description={[
          `The import writes these tags, which your Exist account does not have yet: ${labels.join(", ")}.`,
          "Exist creates them owned by this app. Exist offers no way to delete an attribute: once created, they stay in your account.",
        ]}
        confirmLabel="Create tags"
        returnFocusTo={["import-start"]}
        onConfirm={async () => {
          const problem = await flow.createTags();
          if (!problem) flow.after("tags");
          return problem;
        }}
      />
    );
  }
  return null;
}
