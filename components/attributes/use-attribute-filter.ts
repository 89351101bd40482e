"use client";

import { useMemo, useState } from "react";
import {
  type AttributeFilter,
  filterAttributes,
  filterToSearch,
  NO_FILTER,
} from "@/lib/attributes/filter";
import type { Attribute } from "@/lib/attributes/types";
import { useFilterMeasure } from "./use-performance-marks";

/** The URL's query string follows the filters (bookmarkable; a reload keeps them). */
function keepInUrl(filter: AttributeFilter) {
  const url = `${window.location.pathname}${filterToSearch(filter)}${window.location.hash}`;
  window.history.replaceState(window.history.state, "", url);
}

/**
 * The filters, kept in the URL, and the attributes they let through. `stalled` (null while values
 * load) is what the "Not getting data" owner matches.
 */
export function useAttributeFilter(
  attributes: readonly Attribute[],
  stalled: ReadonlySet<string> | null,
  initialFilter: AttributeFilter = NO_FILTER,
) {
  const [filter, setFilter] = useState<AttributeFilter>(initialFilter);
  const shown = useMemo(
    () => filterAttributes(attributes, filter, stalled ?? undefined),
    [attributes, filter, stalled],
  );
  const markFilterChange = useFilterMeasure(shown);

  const changeFilter = (next: AttributeFilter) => {
    markFilterChange();
    setFilter(next);
    keepInUrl(next);
  };

  return { filter, shown, changeFilter };
}
