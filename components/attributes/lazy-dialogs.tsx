"use client";

import { lazy, Suspense, type ComponentType } from "react";

/**
 * The confirmation dialogs (Radix AlertDialog and its focus trap, portal and scroll lock) are not
 * needed to show the list: they load after it, keeping the page's first-load JS within budget.
 * React's own `lazy`, not `next/dynamic`: that one brings about 4 kB of loader to every visit,
 * for features (server rendering of the lazy part, loading components) these never use. None of
 * them renders on the server: each shows only after a click.
 */
function later<Props extends object>(
  load: () => Promise<ComponentType<Props>>,
): ComponentType<Props> {
  const Lazy = lazy(() => load().then((component) => ({ default: component })));
  function Later(props: Props) {
    // Nothing while its code loads (a moment: it is preloaded on the first sign of use).
    return (
      <Suspense fallback={null}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return Later;
}

const loadAcquire = () => import("./acquire-dialog");
const loadRelease = () => import("./release-dialog");
const loadBulk = () => import("./bulk-dialog");
const loadTemplate = () => import("./template-dialog");
const loadTemplates = () => import("./templates-list");

export const AcquireDialog = later(() => loadAcquire().then((m) => m.AcquireDialog));
export const ReleaseDialog = later(() => loadRelease().then((m) => m.ReleaseDialog));
export const BulkDialog = later(() => loadBulk().then((m) => m.BulkDialog));
export const TemplateDialog = later(() => loadTemplate().then((m) => m.TemplateDialog));
/** "Add from templates" once shown: the page does not need it to show the list. */
export const TemplatesList = later(() => loadTemplates().then((m) => m.TemplatesList));

// Writing (a form, zod's checks, the value fields) loads only when a Log or New tag dialog first
// opens: most visits never write.
export const LogDialog = later(() => import("./log-dialog").then((m) => m.LogDialog));
export const NewTagDialog = later(() => import("./new-tag-dialog").then((m) => m.NewTagDialog));

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
