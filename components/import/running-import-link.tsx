import Link from "next/link";
import type { ImportResponse } from "@/lib/api/contract";
import { count } from "@/lib/import/limits";

/**
 * On the attributes page, while an import is under way: a small link to it. Rendered on the
 * server from the import's row, so the attributes page carries no import code to the browser.
 */
export function RunningImportLink({ current }: { current: ImportResponse | null }) {
  if (!current || !["running", "paused", "undoing"].includes(current.status)) return null;
  const { written, total } = current.progress;
  const state =
    current.status === "paused"
      ? "paused"
      : current.status === "undoing"
        ? "being undone"
        : "running";
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
