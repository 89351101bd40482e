"use client";

import { useEffect } from "react";
import { CONSENT_DECLINED } from "@/lib/access/consent";

/** Shown after the person chose Deny on Exist's page when asked for more access. */
export function ConsentDeclined() {
  useEffect(() => {
    // Said once: a reload or a shared link should not repeat it.
    const url = new URL(window.location.href);
    url.searchParams.delete(CONSENT_DECLINED.param);
    window.history.replaceState(window.history.state, "", url);
  }, []);
  return (
    <p
      id="consent-declined"
      role="status"
      className="mt-4 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 text-sm text-slate-800 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200"
    >
      You did not allow more access on Exist, so nothing changed: this app may read and write what
      it could before.
    </p>
  );
}
