"use client";

import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";

/**
 * The "Since your last visit" box: hidden at once on Dismiss, and the server remembers up to
 * which entry it was dismissed, so the same changes do not come back.
 */
export function DismissibleRegion({ through, children }: { through: number; children: ReactNode }) {
  const [hidden, setHidden] = useState(false);
  const [failed, setFailed] = useState(false);
  if (hidden) return null;

  async function dismiss() {
    const response = await fetch("/api/history/dismiss", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ through }),
    }).catch(() => null);
    if (response?.ok) setHidden(true);
    else setFailed(true);
  }

  return (
    <section
      aria-labelledby="since-last-visit"
      className="mt-4 rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 id="since-last-visit" className="text-lg font-semibold">
          Since your last visit
        </h2>
        <Button variant="secondary" onClick={dismiss}>
          Dismiss
        </Button>
      </div>
      {children}
      {failed ? (
        <p role="alert" className="mt-2 text-sm">
          Could not dismiss these changes. Try again.
        </p>
      ) : null}
    </section>
  );
}
