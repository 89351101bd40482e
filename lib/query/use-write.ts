import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import type { Value, ValueItem, WriteMode } from "@/lib/api/contract";
import { ApiResponseError } from "./api-error";
import { createTag, writeValues } from "./fetchers";
import { attributeKeys, createTagMutationKey, writeMutationKey } from "./keys";
import { dayValueQuery } from "./options";
import { storeCreated, storeDayValues, storeOwnerNow } from "./write-cache";

export type LogValue = { item: ValueItem; mode: WriteMode };

/**
 * Save (update) or Add to total (increment), sent once and never retried: an increment sent twice
 * adds twice. Exist's answer goes into the cache: the day's value (or new total) into the values,
 * and a refusal that names the attribute's owner now moves it there in the list.
 */
export function useWriteValue() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: writeMutationKey,
    mutationFn: ({ item, mode }: LogValue) => writeValues([item], mode),
    retry: false,
    onSuccess: (answer) => {
      // An increment answered without `current` leaves the total to be read back.
      const known = answer.success.filter((day) => (day.value as Value | null) !== null);
      storeDayValues(queryClient, known);
      for (const refused of answer.failed) {
        if (refused.error_code === "unauthorised" && refused.owner !== undefined) {
          storeOwnerNow(queryClient, refused.name, refused.owner);
        }
      }
    },
  });
}

/** The day's value as Exist holds it now (after a lost answer), also put into the values. */
export function useReadBack() {
  const queryClient = useQueryClient();
  return useCallback(
    async (name: string, date: string) => {
      const day = await queryClient.fetchQuery(dayValueQuery(name, date));
      storeDayValues(queryClient, [day]);
      return day;
    },
    [queryClient],
  );
}

/**
 * Sent, but its answer never came back (`outcome_unknown`, a timeout, the connection lost): Exist
 * may or may not have done it, so it is read back, never sent again by itself.
 */
export function answerLost(error: unknown): boolean {
  return (
    error instanceof ApiResponseError &&
    ["outcome_unknown", "network_error", "upstream_timeout"].includes(error.code)
  );
}

/** A new daily tag, into the list as Exist answered it (its name made by Exist from the label). */
export function useCreateTag() {
  const queryClient = useQueryClient();
  const reloadList = () => queryClient.invalidateQueries({ queryKey: attributeKeys.list() });
  return useMutation({
    mutationKey: createTagMutationKey,
    mutationFn: (label: string) => createTag(label),
    retry: false,
    onSuccess: async (answer) => {
      storeCreated(queryClient, answer.success);
      if (answer.unknown) await reloadList();
    },
    onError: async (error) => {
      if (answerLost(error)) await reloadList();
    },
  });
}
