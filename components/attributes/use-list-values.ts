"use client";

import { useMemo } from "react";
import { stalledDays, todayIn } from "@/lib/attributes/days";
import type { Attribute } from "@/lib/attributes/types";
import { useValues } from "@/lib/query/use-values";
import type { ListValues } from "./row-values";

/**
 * The values every row shows, the names of active attributes no data came in for lately (null
 * while values load), and what the values bar shows.
 */
export function useListValues(attributes: readonly Attribute[]) {
  const { query, refresh, refreshing } = useValues();
  const data = query.data;

  const values = useMemo((): ListValues => {
    if (!data) return null;
    const view = { today: todayIn(data.timezone), units: data.units, windowDays: data.days.length };
    return { view, byName: data.values };
  }, [data]);

  const stalled = useMemo(() => {
    if (!values) return null;
    const names = new Set<string>();
    for (const attribute of attributes) {
      if (!attribute.active) continue;
      const latest = values.byName[attribute.name]?.latest ?? null;
      if (stalledDays(latest, values.view.today, values.view.windowDays) !== null) {
        names.add(attribute.name);
      }
    }
    return names;
  }, [attributes, values]);

  const bar = {
    values: data,
    loading: query.isPending,
    refreshing,
    error: query.error,
    onRefresh: () => void refresh(),
  };
  return { values, stalled, bar };
}
