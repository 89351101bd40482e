"use client";

import * as DialogPrimitive from "@radix-ui/react-dialog";
import { partsOf } from "./dialog-parts";

/** A dialog for a form (Log a value, New tag); confirmations use alert-dialog.tsx. */
export const Dialog = partsOf(DialogPrimitive, DialogPrimitive.Close);
