import type { Metadata } from "next";
import Link from "next/link";
import { DeleteHistory } from "@/components/history/delete-history";
import { HistoryFilters } from "@/components/history/history-filters";
import { HistoryTable } from "@/components/history/history-table";
import { buttonClass } from "@/components/ui/button";
import { loadHistoryPage } from "@/lib/api/history/read-history";
import { requireSession } from "@/lib/auth/server";
import { historyQuerySchema, type HistoryQuery } from "@/lib/validations/history";

export const metadata: Metadata = { title: "History · Exist Ownership" };

const linkClass =
  "text-indigo-700 underline underline-offset-2 dark:text-indigo-300 focus-visible:outline-2 focus-visible:outline-indigo-600";

function pageHref(query: HistoryQuery, before?: number): string {
  const params = new URLSearchParams();
  if (query.attribute) params.set("attribute", query.attribute);
  if (query.kind) params.set("kind", query.kind);
  if (before) params.set("before", String(before));
  const search = params.toString();
  return search ? `/history?${search}` : "/history";
}

export default async function HistoryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requireSession();
  const query = historyQuerySchema.parse(await searchParams);
  const page = await loadHistoryPage(
    session.user.username,
    { attribute: query.attribute, kind: query.kind },
    query.before,
  );
  const label = page?.attributes.find((item) => item.attribute === query.attribute)?.label;

  return (
    <>
      <h1 className="text-2xl font-semibold">History</h1>
      <p className="mt-1 text-slate-700 dark:text-slate-300">
        Changes of owner made in this app, those seen elsewhere each time the app loaded your
        attributes from Exist, and the values logged and tags created here (the day and whether
        Exist took it, never the value). Newest first; entries older than the retention period are
        deleted.
      </p>
      {!page ? (
        <p
          role="status"
          className="mt-6 rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
        >
          History is unavailable right now. Acquiring, releasing and logging still work.
        </p>
      ) : page.attributes.length === 0 ? (
        <p className="mt-6">
          No history yet. Changes appear here once you acquire, release or log an attribute, or an
          owner changes elsewhere.
        </p>
      ) : (
        <>
          <div className="mt-4 flex flex-wrap gap-3">
            <a href="/api/history/csv" download className={buttonClass("secondary")}>
              Download CSV
            </a>
            <DeleteHistory />
          </div>
          <HistoryFilters query={query} attributes={page.attributes} />
          {query.attribute ? (
            <p className="mt-4">
              Showing {label ?? query.attribute} only.{" "}
              <Link href={pageHref({ kind: query.kind })} className={linkClass}>
                Show every attribute
              </Link>
            </p>
          ) : null}
          {page.entries.length === 0 ? (
            <p className="mt-6">No entries match.</p>
          ) : (
            <HistoryTable entries={page.entries} caption="History, newest first" />
          )}
          <nav aria-label="History pages" className="mt-4 flex gap-4">
            {query.before ? (
              <Link href={pageHref(query)} className={linkClass}>
                Newest entries
              </Link>
            ) : null}
            {page.olderBefore ? (
              <Link href={pageHref(query, page.olderBefore)} className={linkClass}>
                Older entries
              </Link>
            ) : null}
          </nav>
        </>
      )}
    </>
  );
}
