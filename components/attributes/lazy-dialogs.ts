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
const loadTemplates = () => import("./templates-list");

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
/** "Add from templates" once shown: the page does not need it to show the list. */
export const TemplatesList = dynamic(() => loadTemplates().then((m) => m.TemplatesList), {
  ssr: false,
});

// Writing (a form, zod's checks, the value fields) loads only when a Log or New tag dialog first
// opens: most visits never write.
export const LogDialog = dynamic(() => import("./log-dialog").then((m) => m.LogDialog), {
  ssr: false,
});
export const NewTagDialog = dynamic(() => import("./new-tag-dialog").then((m) => m.NewTagDialog), {
  ssr: false,
});

/** Fetches the dialogs' code. */
export function preloadDialogs(): void {
  void Promise.all([loadAcquire(), loadRelease(), loadBulk(), loadTemplate(), loadTemplates()]);
}

const INTENT_EVENTS = ["pointerover", "pointerdown", "focusin", "keydown", "touchstart"] as const;

/**
 * Fetches the dialogs' code at the first sign that the person is about to use the page (the
 * pointer over it, a key, focus), not on load: a visit that only looks costs no dialog code, and
 * the chunk is there by the time a switch is clicked. Returns the cleanup, for useEffect.
 */
export function preloadDialogsOnIntent(): () => void {
  const options = { capture: true, passive: true } as const;
  const stop = () => {
    for (const type of INTENT_EVENTS) document.removeEventListener(type, start, options);
  };
  function start() {
    stop();
    preloadDialogs();
  }
  for (const type of INTENT_EVENTS) document.addEventListener(type, start, options);
  return stop;
}
