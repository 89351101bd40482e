"use client";

import * as AlertDialogPrimitive from "@radix-ui/react-alert-dialog";
import { buttonClass } from "./button";
import { descriptionClass, panelOf, styled, titleClass } from "./dialog-parts";

export { DialogFooter as AlertDialogFooter } from "./dialog-parts";

export const AlertDialog = AlertDialogPrimitive.Root;
export const AlertDialogContent = panelOf(AlertDialogPrimitive);
export const AlertDialogTitle = styled(AlertDialogPrimitive.Title, titleClass);
export const AlertDialogDescription = styled(AlertDialogPrimitive.Description, descriptionClass);
export const AlertDialogCancel = styled(AlertDialogPrimitive.Cancel, (className) =>
  buttonClass("secondary", className),
);
