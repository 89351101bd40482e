"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { AttributeFilter } from "@/lib/attributes/filter";
import { describeError } from "@/lib/query/api-error";
import { ownershipMutationKey } from "@/lib/query/keys";
import { attributesQuery } from "@/lib/query/options";
import { AttributesManager } from "./attributes-manager";
import { LoadError, ListSkeleton } from "./page-states";

/** The attributes page's client part: the list once loaded, else why it is not there. */
export function AttributesView({ initialFilter }: { initialFilter?: AttributeFilter }) {
  const queryClient = useQueryClient();
  const query = useQuery({
    ...attributesQuery(),
    // A refetch started while a change is in flight would answer with the old owner and flip the
    // switch back for a moment; the change refetches by itself once it has settled.
    refetchOnWindowFocus: () => queryClient.isMutating({ mutationKey: ownershipMutationKey }) === 0,
  });

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
      <AttributesManager data={query.data} initialFilter={initialFilter} />
    </>
  );
}
