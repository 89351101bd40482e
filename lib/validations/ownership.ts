/**
 * Bodies of POST /api/attributes/acquire and /release. Shared by the route handlers and the page.
 */
import { z } from "zod";

/** Exist attribute and template names are plain lower-case ASCII identifiers (`mood_note`). */
export const existNameSchema = z
  .string()
  .regex(
    /^[a-z0-9_]{1,100}$/,
    "must be a plain Exist name: a-z, 0-9 and _, at most 100 characters",
  );

/** Our own bound on one request; Exist takes 35 a call, so 1000 is at most 29 calls. */
export const MAX_ITEMS_PER_REQUEST = 1000;

const manual = z.boolean().optional();

export const acquireItemSchema = z.union([
  z.strictObject({ name: existNameSchema, manual }),
  z.strictObject({ template: existNameSchema, manual }),
]);

export const releaseItemSchema = z.strictObject({ name: existNameSchema });

export const acquireBodySchema = z
  .array(acquireItemSchema)
  .min(1, "must name at least one attribute")
  .max(MAX_ITEMS_PER_REQUEST, `at most ${MAX_ITEMS_PER_REQUEST} attributes per request`);

export const releaseBodySchema = z
  .array(releaseItemSchema)
  .min(1, "must name at least one attribute")
  .max(MAX_ITEMS_PER_REQUEST, `at most ${MAX_ITEMS_PER_REQUEST} attributes per request`);

export type AcquireItem = z.infer<typeof acquireItemSchema>;
export type ReleaseItem = z.infer<typeof releaseItemSchema>;
