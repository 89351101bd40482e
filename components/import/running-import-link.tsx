import Link from "next/link";
import type { ImportResponse } from "@/lib/api/contract";
import { count } from "@/lib/import/limits";

const STATES: Partial<Record<ImportResponse["status"], string>> = {
  running: "running",
  paused: "paused",
  undoing: "being undone",
  failed: "stopped",
};

/**
 * On the attributes page, while an import is under way: a small link to it. Rendered on the
 * server from the import's row, so the attributes page carries no import code to the browser.
 */
export function RunningImportLink({ current }: { current: ImportResponse | null }) {
  const state = current ? STATES[current.status] : undefined;
  if (!current || !state) return null;
  const { written, total } = current.progress;
  return (
    <p className="mt-3 text-sm">
      <Link
        href="/import"
        className="text-indigo-700 underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:text-indigo-300"
      >
        Import of {current.fileName} {state}: {count(written)} of {count(total)} values written
      </Link>
    </p>
  );
}
