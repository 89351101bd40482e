import { useMutation, useMutationState, useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import type { QueryClient } from "@tanstack/react-query";
import type { AttributesResponse, OwnershipResponse } from "@/lib/api/contract";
import type { Attribute } from "@/lib/attributes/types";
import { changedAttributes, mergeChanged } from "@/lib/attributes/merge";
import { allDone, failedKeys, itemKey } from "@/lib/attributes/results";
import { expectedAfter } from "@/lib/attributes/wording";
import type { AcquireItem, ReleaseItem } from "@/lib/validations/ownership";
import { acquireAttributes, releaseAttributes } from "./fetchers";
import { attributeKeys, ownershipMutationKey, templateKeys } from "./keys";

export type OwnershipChange =
  { action: "acquire"; items: AcquireItem[] } | { action: "release"; items: ReleaseItem[] };

type Snapshot = Map<string, Attribute>;

function namesOf(change: OwnershipChange): Set<string> {
  return new Set(change.items.flatMap((item) => ("name" in item ? [item.name] : [])));
}

/** Put back the listed attributes as they were before this change; leave every other one alone. */
function rollBack(queryClient: QueryClient, snapshot: Snapshot, names: ReadonlySet<string>) {
  if (names.size === 0) return;
  queryClient.setQueryData<AttributesResponse>(attributeKeys.list(), (data) => {
    if (!data) return data;
    const attributes = data.attributes.map((attribute) =>
      names.has(attribute.name) ? (snapshot.get(attribute.name) ?? attribute) : attribute,
    );
    return { ...data, attributes };
  });
}

/** Exist's answer as the changed attributes, when every item went through and came back whole. */
function confirmed(result: OwnershipResponse | undefined, change: OwnershipChange) {
  if (!result || !allDone(result)) return null;
  return changedAttributes(result, change.action);
}

/**
 * Acquire or release: the list shows the expected owner at once, then Exist's answer
 * (`success_objects=true`: the changed attributes) replaces it, with no refetch. When Exist
 * refused some items, they go back, and the list is refetched once the last concurrent change
 * has settled, so that rapid toggles don't flicker
 * (https://tkdodo.eu/blog/concurrent-optimistic-updates-in-react-query).
 */
export function useOwnershipMutation() {
  const queryClient = useQueryClient();
  // Set by a change Exist did not fully confirm; the last change to settle then refetches.
  const refetchWanted = useRef(false);
  return useMutation({
    mutationKey: ownershipMutationKey,
    mutationFn: (change: OwnershipChange) =>
      change.action === "acquire"
        ? acquireAttributes(change.items)
        : releaseAttributes(change.items),
    onMutate: async (change): Promise<Snapshot> => {
      await queryClient.cancelQueries({ queryKey: attributeKeys.list() });
      const names = namesOf(change);
      const snapshot: Snapshot = new Map();
      queryClient.setQueryData<AttributesResponse>(attributeKeys.list(), (data) => {
        if (!data) return data;
        const attributes = data.attributes.map((attribute) => {
          if (!names.has(attribute.name)) return attribute;
          snapshot.set(attribute.name, attribute);
          return expectedAfter(attribute, change.action);
        });
        return { ...data, attributes };
      });
      return snapshot;
    },
    onSuccess: (result, change, snapshot) => {
      const changed = confirmed(result, change);
      if (!changed) return rollBack(queryClient, snapshot, failedKeys(result));
      queryClient.setQueryData<AttributesResponse>(attributeKeys.list(), (data) =>
        data ? { ...data, attributes: mergeChanged(data.attributes, changed) } : data,
      );
    },
    onError: (_error, change, snapshot) => {
      if (snapshot) rollBack(queryClient, snapshot, namesOf(change));
    },
    onSettled: async (result, _error, change) => {
      if (change.items.some((item) => "template" in item)) {
        await queryClient.invalidateQueries({ queryKey: templateKeys.all });
      }
      if (!confirmed(result, change)) refetchWanted.current = true;
      if (!refetchWanted.current) return;
      if (queryClient.isMutating({ mutationKey: ownershipMutationKey }) === 1) {
        refetchWanted.current = false;
        await queryClient.invalidateQueries({ queryKey: attributeKeys.all });
        // Exist may still carry out a change it did not answer (a timeout): the list stays stale,
        // so coming back to the page asks again, as the dialog promises.
        await queryClient.invalidateQueries({ queryKey: attributeKeys.all, refetchType: "none" });
      }
    },
  });
}

/** Names of attributes with a change in flight, for per-row pending state. */
export function usePendingNames(): Set<string> {
  const pending = useMutationState({
    filters: { mutationKey: ownershipMutationKey, status: "pending" },
    select: (mutation) => mutation.state.variables as OwnershipChange | undefined,
  });
  const names = new Set<string>();
  for (const change of pending) {
    for (const item of change?.items ?? []) {
      const key = itemKey(item);
      if (key) names.add(key);
    }
  }
  return names;
}
