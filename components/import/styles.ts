/** The import page's shared looks, in one place so its pieces read alike. */
export const selectClass =
  "min-h-10 w-full rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:focus-visible:outline-indigo-300";

export const cardClass = "mt-6 rounded-lg border border-slate-200 p-4 sm:p-5 dark:border-slate-800";

export const mutedClass = "text-sm text-slate-700 dark:text-slate-300";

export const badgeClass = (tone: "amber" | "indigo") =>
  tone === "amber"
    ? "inline-block rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-950 dark:bg-amber-900 dark:text-amber-50"
    : "inline-block rounded bg-indigo-100 px-1.5 py-0.5 text-xs font-medium text-indigo-950 dark:bg-indigo-900 dark:text-indigo-50";
