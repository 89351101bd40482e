"use client";

import { ProblemAlert } from "@/components/problem-alert";
import { Button } from "@/components/ui/button";
import type { ImportProgress } from "@/lib/import/protocol";
import type { Problem } from "@/lib/query/api-error";

type PreviewButtonProps = {
  busy: boolean;
  planning: ImportProgress | null;
  problem: Problem | null;
  onPreview: () => void;
};

/** Preview, and while it runs what it is doing; nothing is written by it. */
export function PreviewButton({ busy, planning, problem, onPreview }: PreviewButtonProps) {
  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-center gap-3">
        <Button
          aria-disabled={busy || undefined}
          aria-busy={busy || undefined}
          onClick={() => !busy && onPreview()}
        >
          Preview
        </Button>
        <p role="status" className="text-sm">
          {planning
            ? `Working out the values… ${Math.round(planning.fraction * 100)}%`
            : busy
              ? "Comparing with the values in Exist…"
              : "Shows what would change in Exist. Nothing is written yet."}
        </p>
      </div>
      {problem ? <ProblemAlert problem={problem} /> : null}
    </div>
  );
}
