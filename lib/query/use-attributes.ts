import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import type { AttributesResponse } from "@/lib/api/contract";
import { attributeKeys, ownershipMutationKey } from "./keys";
import { attributesQuery } from "./options";

/** The attributes list, refetched when the person comes back to the tab (lib/query/options.ts). */
export function useAttributes() {
  const queryClient = useQueryClient();
  return useQuery({
    ...attributesQuery(),
    // A refetch started while a change is in flight would answer with the old owner and flip the
    // switch back for a moment; the change refetches by itself once it has settled.
    refetchOnWindowFocus: () => queryClient.isMutating({ mutationKey: ownershipMutationKey }) === 0,
  });
}

/**
 * For "Change owner on Exist": marks the list stale without refetching it now, so coming back to
 * this tab refetches it and a change made on Exist's page shows here.
 */
export function useMarkAttributesStale(): () => void {
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      void queryClient.invalidateQueries({ queryKey: attributeKeys.list(), refetchType: "none" }),
    [queryClient],
  );
}

/**
 * Exist's label of a group (`health` → "Health and body") from the attributes list this page
 * already holds (each attribute carries its group); the name itself when the list has none.
 */
export function useGroupLabel(name: string): string {
  const queryClient = useQueryClient();
  const list = queryClient.getQueryData<AttributesResponse>(attributeKeys.list());
  return list?.attributes.find((attribute) => attribute.group.name === name)?.group.label ?? name;
}
