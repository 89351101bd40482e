"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { useDismissSinceLastVisit } from "@/lib/query/use-history";

/**
 * The "Since your last visit" box: hidden at once on Dismiss, and the server remembers up to
 * which entry it was dismissed, so the same changes do not come back.
 */
export function DismissibleRegion({ through, children }: { through: number; children: ReactNode }) {
  const dismiss = useDismissSinceLastVisit();
  if (dismiss.isSuccess) return null;

  return (
    <section
      aria-labelledby="since-last-visit"
      className="mt-4 rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 id="since-last-visit" className="text-lg font-semibold">
          Since your last visit
        </h2>
        <Button variant="secondary" onClick={() => dismiss.mutate(through)}>
          Dismiss
        </Button>
      </div>
      {children}
      {dismiss.isError ? (
        <p role="alert" className="mt-2 text-sm">
          Could not dismiss these changes. Try again.
        </p>
      ) : null}
    </section>
  );
}
