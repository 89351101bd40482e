import type { ComponentProps, ComponentType, ReactNode } from "react";
import { cn } from "./cn";

/*
 * What the form dialogs (dialog.tsx) and the confirmations (alert-dialog.tsx) share, so that both
 * look the same. Apart from both: each loads only its own Radix primitive.
 */

const overlayClass = "fixed inset-0 z-40 bg-slate-950/70 backdrop-blur-[1px]";

const panelClass = (className?: string) =>
  cn(
    "fixed top-1/2 left-1/2 z-50 flex max-h-[90vh] w-[calc(100vw-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 flex-col gap-4 overflow-y-auto rounded-lg p-5 shadow-xl",
    "border border-slate-200 bg-white text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100",
    className,
  );

/** The parts of a Radix dialog primitive (Dialog or AlertDialog) that make its panel. */
type Primitive<P> = {
  Portal: ComponentType<{ children?: ReactNode }>;
  Overlay: ComponentType<{ className?: string }>;
  Content: ComponentType<P>;
};

/** The panel of `primitive`'s dialog, over the page behind its overlay. */
export function panelOf<P extends { className?: string }>({
  Portal,
  Overlay,
  Content,
}: Primitive<P>) {
  return function DialogPanel({ className, ...props }: P) {
    return (
      <Portal>
        <Overlay className={overlayClass} />
        <Content {...(props as P)} className={panelClass(className)} />
      </Portal>
    );
  };
}

/** `Part` with the classes `classOf` makes of those it is given. */
export function styled<P extends { className?: string }>(
  Part: ComponentType<P>,
  classOf: (className?: string) => string,
) {
  return function Styled({ className, ...props }: P) {
    return <Part {...(props as P)} className={classOf(className)} />;
  };
}

export const titleClass = (className?: string) => cn("text-lg font-semibold", className);

export const descriptionClass = (className?: string) =>
  cn("space-y-2 text-sm text-slate-700 dark:text-slate-300", className);

/** The buttons under a dialog: stacked on a phone, the main one on top; in a row from `sm`. */
export function DialogFooter({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      className={cn("flex flex-col-reverse gap-2 sm:flex-row sm:justify-end", className)}
      {...props}
    />
  );
}
