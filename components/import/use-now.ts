"use client";

import { useEffect, useState } from "react";

/** The time now, moved on every `everyMs`: for "about 5 min left" between two polls. */
export function useNow(everyMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
