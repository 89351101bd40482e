"use client";

import { useEffect, useRef } from "react";

/*
 * Performance marks the benchmark reads (bench/browser.ts): when the list was first on screen
 * (`attributes:list-visible`, after the first commit: an upper bound for a server-rendered list,
 * which shows even earlier), when every row was (`attributes:list-complete`: a long list renders
 * its first rows first), and how long a filter change took to reach the DOM (`attributes:filter`,
 * from the keystroke's state change to the commit of the new list).
 */

/** Marks `attributes:list-visible` on the first commit, `attributes:list-complete` once every row is. */
export function useListMarks(complete: boolean) {
  useEffect(() => {
    if (performance.getEntriesByName("attributes:list-visible").length === 0) {
      performance.mark("attributes:list-visible");
    }
  }, []);

  useEffect(() => {
    if (complete && performance.getEntriesByName("attributes:list-complete").length === 0) {
      performance.mark("attributes:list-complete");
    }
  }, [complete]);
}

/** Measures `attributes:filter` up to the commit of the new `shown`; call the result as the filter changes. */
export function useFilterMeasure(shown: unknown): () => void {
  const filterStarted = useRef(false);

  useEffect(() => {
    if (!filterStarted.current) return;
    filterStarted.current = false;
    performance.measure("attributes:filter", "attributes:filter-start");
    performance.clearMarks("attributes:filter-start");
  }, [shown]);

  return function markFilterChange() {
    performance.mark("attributes:filter-start");
    filterStarted.current = true;
  };
}
