"use client";

import * as DialogPrimitive from "@radix-ui/react-dialog";
import { buttonClass } from "./button";
import { descriptionClass, panelOf, styled, titleClass } from "./dialog-parts";

export { DialogFooter } from "./dialog-parts";

/** A dialog for a form (Log a value, New tag); confirmations use alert-dialog.tsx. */
export const Dialog = DialogPrimitive.Root;
export const DialogContent = panelOf(DialogPrimitive);
export const DialogTitle = styled(DialogPrimitive.Title, titleClass);
export const DialogDescription = styled(DialogPrimitive.Description, descriptionClass);
export const DialogClose = styled(DialogPrimitive.Close, (className) =>
  buttonClass("secondary", className),
);
