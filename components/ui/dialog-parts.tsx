import type { ComponentProps, ComponentType, ReactNode } from "react";
import { buttonClass } from "./button";
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

type Styleable = { className?: string };

/** The parts of a Radix dialog primitive (Dialog or AlertDialog) that the styled parts wrap. */
type Primitive<R, P, T, D> = {
  Root: R;
  Portal: ComponentType<{ children?: ReactNode }>;
  Overlay: ComponentType<{ className?: string }>;
  Content: ComponentType<P>;
  Title: ComponentType<T>;
  Description: ComponentType<D>;
};

/**
 * The styled parts of `primitive`'s dialog, used as `Dialog.Root`, `Dialog.Content` and so on.
 * `Close` is its part that closes the dialog without doing anything (Dialog's Close, AlertDialog's
 * Cancel), shown as a secondary button.
 */
export function partsOf<
  R,
  P extends Styleable,
  T extends Styleable,
  D extends Styleable,
  C extends Styleable,
>(primitive: Primitive<R, P, T, D>, Close: ComponentType<C>) {
  const { Portal, Overlay, Content } = primitive;
  return {
    Root: primitive.Root,
    /** The panel, over the page behind its overlay. */
    Content: function DialogPanel({ className, ...props }: P) {
      return (
        <Portal>
          <Overlay className={overlayClass} />
          <Content {...(props as P)} className={panelClass(className)} />
        </Portal>
      );
    },
    Title: styled(primitive.Title, titleClass),
    Description: styled(primitive.Description, descriptionClass),
    Close: styled(Close, (className) => buttonClass("secondary", className)),
    Footer: DialogFooter,
  };
}

/** `Part` with the classes `classOf` makes of those it is given. */
function styled<P extends Styleable>(
  Part: ComponentType<P>,
  classOf: (className?: string) => string,
) {
  return function Styled({ className, ...props }: P) {
    return <Part {...(props as P)} className={classOf(className)} />;
  };
}

const titleClass = (className?: string) => cn("text-lg font-semibold", className);

const descriptionClass = (className?: string) =>
  cn("space-y-2 text-sm text-slate-700 dark:text-slate-300", className);
/** The buttons under a dialog: stacked on a phone, the main one on top; in a row from `sm`. */
function DialogFooter({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      className={cn("flex flex-col-reverse gap-2 sm:flex-row sm:justify-end", className)}
      {...props}
    />
  );
}
