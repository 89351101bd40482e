import { queryOptions } from "@tanstack/react-query";
import { fetchAttributes, fetchTemplates, fetchValues, readDayValue } from "./fetchers";
import { attributeKeys, templateKeys, valueKeys } from "./keys";

/**
 * Owners change on Exist's own pages too, so the list is refetched when the person comes back to
 * the tab, but at most every five minutes: each refetch costs `heavy` seven of Exist's 300 calls
 * an hour. Following "Change owner on Exist" marks the list stale, so coming back from there
 * always refetches (useMarkAttributesStale, lib/query/use-attributes.ts).
 */
export const LIST_STALE_MS = 5 * 60_000;

export const attributesQuery = () =>
  queryOptions({
    queryKey: attributeKeys.list(),
    queryFn: fetchAttributes,
    staleTime: LIST_STALE_MS,
    refetchOnWindowFocus: true,
  });

/** Values change a few times a day: fetched once, refreshed on demand ("Refresh values"). */
export const valuesQuery = () =>
  queryOptions({
    queryKey: valueKeys.list(),
    queryFn: () => fetchValues(false),
    staleTime: 2 * 60 * 60_000,
    refetchOnWindowFocus: false,
  });

export const templatesQuery = () =>
  queryOptions({
    queryKey: templateKeys.list(),
    queryFn: fetchTemplates,
  });

/** A day's value read back from Exist: always asked afresh (it is read to settle a doubt). */
export const dayValueQuery = (name: string, date: string) =>
  queryOptions({
    queryKey: valueKeys.day(name, date),
    queryFn: () => readDayValue(name, date),
    staleTime: 0,
    gcTime: 60_000,
    retry: false,
  });
