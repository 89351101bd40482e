"use client";

import { useState } from "react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { ProblemAlert } from "@/components/problem-alert";
import { Button } from "@/components/ui/button";
import type { ImportResponse } from "@/lib/api/contract";
import type { Problem } from "@/lib/query/api-error";
import type { ImportAction } from "@/lib/query/fetchers";
import { useImportAction } from "@/lib/query/use-imports";

/**
 * Pause or Resume, and Cancel import (confirmed: what was written stays). A stopped import
 * (failed: its sign-in lost, say) offers Resume too: resuming hands it this session's sign-in.
 */
export function ImportControls({ answer }: { answer: ImportResponse }) {
  const action = useImportAction(answer.id);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [confirming, setConfirming] = useState(false);

  const run = (kind: ImportAction) => {
    setProblem(null);
    return action.run(kind);
  };
  const click = (kind: ImportAction) => () => {
    if (!action.isPending) void run(kind).then(setProblem);
  };

  return (
    <>
      <div className="mt-4 flex flex-wrap gap-3">
        {answer.status === "paused" || answer.status === "failed" ? (
          <Button
            id="import-resume"
            onClick={click("resume")}
            aria-disabled={action.isPending || undefined}
          >
            Resume
          </Button>
        ) : (
          <Button
            id="import-pause"
            variant="secondary"
            onClick={click("pause")}
            aria-disabled={action.isPending || undefined}
          >
            Pause
          </Button>
        )}
        <Button id="import-cancel" variant="danger" onClick={() => setConfirming(true)}>
          Cancel import
        </Button>
      </div>
      {problem ? (
        <div className="mt-3">
          <ProblemAlert problem={problem} />
        </div>
      ) : null}
      <ConfirmDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title="Cancel this import?"
        description={
          <p>
            Nothing more is written. The values written so far stay in Exist; you can still undo
            them afterwards.
          </p>
        }
        confirmLabel="Cancel import"
        busyLabel="Cancelling…"
        confirmVariant="danger"
        returnFocusTo={["import-pause", "import-resume"]}
        onConfirm={() => run("cancel")}
      />
    </>
  );
}
