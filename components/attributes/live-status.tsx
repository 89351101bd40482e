"use client";

import { useCallback, useState } from "react";

export type Announcement = { text: string; id: number };

/** The latest outcome; each call is a new announcement, even when the words repeat. */
export function useAnnouncement() {
  const [announcement, setAnnouncement] = useState<Announcement>({ text: "", id: 0 });
  const announce = useCallback(
    (text: string) => setAnnouncement((previous) => ({ text, id: previous.id + 1 })),
    [],
  );
  return { announcement, announce };
}

/** Always in the page, so screen readers announce each new message (the outcome of a change). */
export function LiveStatus({ announcement }: { announcement: Announcement }) {
  return (
    <div
      role="status"
      aria-live="polite"
      className="mt-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 empty:m-0 empty:p-0 dark:bg-emerald-950 dark:text-emerald-100"
    >
      {announcement.text ? <span key={announcement.id}>{announcement.text}</span> : null}
    </div>
  );
}
