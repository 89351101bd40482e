"use client";

import * as AlertDialogPrimitive from "@radix-ui/react-alert-dialog";
import { partsOf } from "./dialog-parts";

/** A confirmation (ConfirmDialog uses it); unlike Dialog, a click outside does not close it. */
export const AlertDialog = partsOf(AlertDialogPrimitive, AlertDialogPrimitive.Cancel);
