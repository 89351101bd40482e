"use client";

import { useState } from "react";
import { ConfirmButton } from "@/components/confirm-button";
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

  const run = (kind: ImportAction) => {
    setProblem(null);
    return action.run(kind);
  };
  const click = (kind: ImportAction) => () => {
    if (!action.isPending) void run(kind).then(setProblem);
  };

  // Keyed by what it does: Pause and Resume are two buttons, never one that changes under focus.
  const next = answer.status === "paused" || answer.status === "failed" ? "resume" : "pause";
  return (
    <>
      <div className="mt-4 flex flex-wrap gap-3">
        <Button
          key={next}
          id={`import-${next}`}
          variant={next === "pause" ? "secondary" : "primary"}
          onClick={click(next)}
          aria-disabled={action.isPending || undefined}
        >
          {next === "pause" ? "Pause" : "Resume"}
        </Button>
        <ConfirmButton
          id="import-cancel"
          variant="danger"
          label="Cancel import"
          title="Cancel this import?"
          description={[
            "Nothing more is written. The values written so far stay in Exist; you can still undo them afterwards.",
          ]}
          confirmLabel="Cancel import"
          busyLabel="Cancelling…"
          confirmVariant="danger"
          returnFocusTo={["import-pause", "import-resume"]}
          onConfirm={() => run("cancel")}
        />
      </div>
      {problem ? (
        <div className="mt-3">
          <ProblemAlert problem={problem} />
        </div>
      ) : null}
    </>
  );
}
