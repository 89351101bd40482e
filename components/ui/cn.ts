import { clsx, type ClassValue } from "clsx";

/** Joins class names; later ones win by order only (no tailwind-merge, to keep the bundle small). */
export function cn(...inputs: ClassValue[]): string {
  return clsx(inputs);
}
