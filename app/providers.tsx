"use client";

import { focusManager, QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { getQueryClient } from "@/lib/query/query-client";

// TanStack Query v5 listens to `visibilitychange` only; a window regaining focus (e.g. back from
// Exist's own attributes page in another window) should refetch too.
if (typeof window !== "undefined") {
  focusManager.setEventListener((handleFocus) => {
    const onChange = () => handleFocus();
    window.addEventListener("visibilitychange", onChange, false);
    window.addEventListener("focus", onChange, false);
    return () => {
      window.removeEventListener("visibilitychange", onChange);
      window.removeEventListener("focus", onChange);
    };
  });
}

export function Providers({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
