"use client";

import type { ComponentProps } from "react";
import { cn } from "./cn";
import { useHydrated } from "./use-hydrated";

type SwitchProps = Omit<ComponentProps<"button">, "onChange" | "role"> & {
  checked: boolean;
  onCheckedChange?: (checked: boolean) => void;
};

/**
 * A native button with the switch role (https://www.w3.org/WAI/ARIA/apg/patterns/switch/): Space
 * and Enter work as on any button, and it costs no script of its own, unlike a primitive library's.
 * Disabled until the page has hydrated: before that a click would do nothing.
 */
export function Switch({
  className,
  checked,
  onCheckedChange,
  onClick,
  disabled,
  ...props
}: SwitchProps) {
  const state = checked ? "checked" : "unchecked";
  const hydrated = useHydrated();
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      data-state={state}
      disabled={disabled || !hydrated}
      className={cn(
        "peer inline-flex h-6 w-11 shrink-0 cursor-pointer items-center rounded-full border-2 border-transparent transition-colors",
        "bg-slate-400 data-[state=checked]:bg-indigo-700 dark:bg-slate-600 dark:data-[state=checked]:bg-indigo-400",
        "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:focus-visible:outline-indigo-300",
        "disabled:cursor-not-allowed disabled:opacity-50 aria-busy:opacity-70",
        className,
      )}
      onClick={(event) => {
        onClick?.(event);
        if (!event.defaultPrevented) onCheckedChange?.(!checked);
      }}
      {...props}
    >
      <span
        data-state={state}
        className="pointer-events-none block size-5 rounded-full bg-white shadow transition-transform data-[state=checked]:translate-x-5 data-[state=unchecked]:translate-x-0 dark:bg-slate-950"
      />
    </button>
  );
}
