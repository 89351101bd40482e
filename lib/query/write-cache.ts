/**
 * How the cached list and values take a write's answer: the day's value Exist now holds goes into
 * the values (the row's latest value, time phrase and sparkline follow), a refusal that names
 * the attribute's owner now moves it there, and a new tag joins the list. Apart from options.ts
 * because only the write dialogs use it: the page's first load does not carry it.
 */
import type { QueryClient } from "@tanstack/react-query";
import type { Attribute, AttributesResponse, Service, ValuesResponse } from "@/lib/api/contract";
import { mergeChanged } from "@/lib/attributes/merge";
import { withDayValues, type DayValue } from "@/lib/values/day-values";
import { attributeKeys, valueKeys } from "./keys";

/**
 * The days' values as Exist now holds them (null: the day has none, as read back), into the
 * values query, with no refetch.
 */
export function storeDayValues(queryClient: QueryClient, values: readonly DayValue[]): void {
  if (values.length === 0) return;
  queryClient.setQueryData<ValuesResponse>(valueKeys.list(), (data) =>
    data ? { ...data, values: withDayValues(data.values, data.days, values) } : data,
  );
}

/** Exist said `name` belongs to `owner` now (null: to no one), so this app no longer owns it. */
export function storeOwnerNow(queryClient: QueryClient, name: string, owner: Service | null): void {
  queryClient.setQueryData<AttributesResponse>(attributeKeys.list(), (data) => {
    if (!data) return data;
    const attributes = data.attributes.map((attribute) =>
      attribute.name === name
        ? { ...attribute, service: owner, ownedByApp: false, active: owner !== null }
        : attribute,
    );
    return { ...data, attributes };
  });
}

/** New attributes (tags Exist created) into the list, in Exist's order. */
export function storeCreated(queryClient: QueryClient, created: readonly Attribute[]): void {
  if (created.length === 0) return;
  queryClient.setQueryData<AttributesResponse>(attributeKeys.list(), (data) =>
    data ? { ...data, attributes: mergeChanged(data.attributes, created) } : data,
  );
}
