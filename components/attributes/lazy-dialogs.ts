"use client";

import dynamic from "next/dynamic";

/**
 * The confirmation dialogs (Radix AlertDialog and its focus trap, portal and scroll lock) are not
 * needed to show the list: they load after it, keeping the page's first-load JS within budget.
 */
const loadAcquire = () => import("./acquire-dialog");
const loadRelease = () => import("./release-dialog");
const loadBulk = () => import("./bulk-dialog");
const loadTemplate = () => import("./template-dialog");

export const AcquireDialog = dynamic(() => loadAcquire().then((m) => m.AcquireDialog), {
  ssr: false,
});
export const ReleaseDialog = dynamic(() => loadRelease().then((m) => m.ReleaseDialog), {
  ssr: false,
});
export const BulkDialog = dynamic(() => loadBulk().then((m) => m.BulkDialog), { ssr: false });
export const TemplateDialog = dynamic(() => loadTemplate().then((m) => m.TemplateDialog), {
  ssr: false,
});

/** Fetch the dialogs' code once the page is up, so the first toggle opens one at once. */
export function preloadDialogs(): void {
  void Promise.all([loadAcquire(), loadRelease(), loadBulk(), loadTemplate()]);
}
