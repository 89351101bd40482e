import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False in the server's HTML and while React hydrates it, true from then on (and on every
 * client-side render). Controls that only work with their script disable themselves until then,
 * so a click before hydration cannot be lost: the control looks and is inactive until it works.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
