import type { ReactNode } from "react";

/** A boxed message in place of a page's content: a heading, then what to read or do. */
export function Notice({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="mt-6 rounded-lg border border-slate-200 p-6 dark:border-slate-800">
      <h2 className="text-lg font-semibold">{title}</h2>
      <div className="mt-2 space-y-3 text-slate-700 dark:text-slate-300">{children}</div>
    </div>
  );
}
