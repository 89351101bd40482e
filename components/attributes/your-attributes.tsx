"use client";

import type { AttributeFilter } from "@/lib/attributes/filter";
import { describeError } from "@/lib/query/api-error";
import { useAttributes } from "@/lib/query/use-attributes";
import { AttributeOwnership } from "./attribute-ownership";
import { LoadError, ListSkeleton } from "./page-states";

/**
 * The attributes page's client part: the attributes once loaded (with a note when a later
 * refresh failed), a skeleton while they load, or why they could not be loaded.
 */
export function YourAttributes({ initialFilter }: { initialFilter?: AttributeFilter }) {
  const query = useAttributes();

  if (query.isPending) return <ListSkeleton />;
  if (query.isLoadingError) {
    return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  }

  return (
    <>
      {query.isRefetchError ? (
        <p
          role="alert"
          className="mt-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100"
        >
          Could not refresh the list: {describeError(query.error)} Showing what was loaded before.
        </p>
      ) : null}
      <AttributeOwnership data={query.data} initialFilter={initialFilter} />
    </>
  );
}
