"use client";

import { useMarkAttributesStale } from "@/lib/query/use-attributes";

/**
 * Only a service can acquire an attribute for itself, so other owners are picked on Exist's own
 * attributes page. Following the link marks the list stale: coming back to this tab refetches it,
 * so a change made there shows here (lib/query/use-attributes.ts).
 */
export function ChangeOwnerLink({ href }: { href: string }) {
  const markStale = useMarkAttributesStale();
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      className="text-indigo-700 underline underline-offset-2 hover:text-indigo-900 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:text-indigo-300 dark:hover:text-indigo-200"
      onClick={markStale}
    >
      Change owner on Exist
      <span className="sr-only"> (opens in a new tab)</span>
    </a>
  );
}
