import type { ComponentProps } from "react";
import { cn } from "./cn";

/** A native checkbox: accessible as is, and no JavaScript of its own. */
export function Checkbox({ className, ...props }: Omit<ComponentProps<"input">, "type">) {
  return (
    <input
      type="checkbox"
      className={cn(
        "size-4 shrink-0 cursor-pointer accent-indigo-700 disabled:cursor-not-allowed dark:accent-indigo-400",
        className,
      )}
      {...props}
    />
  );
}
