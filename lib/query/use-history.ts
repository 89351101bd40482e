import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { deleteHistory, dismissSinceLastVisit } from "./fetchers";
import { historyMutationKeys } from "./keys";

/**
 * **Delete my history**. The history page is rendered on the server, so what refetches it after
 * the change is a router refresh: the page then shows that there is no history.
 */
export function useDeleteHistory() {
  const router = useRouter();
  return useMutation({
    mutationKey: historyMutationKeys.delete(),
    mutationFn: deleteHistory,
    onSuccess: () => router.refresh(),
  });
}

/**
 * Dismiss on "Since your last visit". Nothing to refetch: the box hides itself, and the server
 * leaves the dismissed entries out of the next page it renders.
 */
export function useDismissSinceLastVisit() {
  return useMutation({
    mutationKey: historyMutationKeys.dismiss(),
    mutationFn: dismissSinceLastVisit,
  });
}
