/** Query and body schemas of /history and /api/history. */
import { z } from "zod";
import { existNameSchema } from "@/lib/validations/ownership";

const id = z.coerce.number().int().positive();

/** /history's search params; anything unparseable is ignored rather than an error page. */
export const historyQuerySchema = z.object({
  attribute: existNameSchema.optional().catch(undefined),
  kind: z.enum(["change", "observed", "write"]).optional().catch(undefined),
  before: id.optional().catch(undefined),
});

export type HistoryQuery = z.infer<typeof historyQuerySchema>;

/** POST /api/history/dismiss: hide "Since your last visit" entries up to this id. */
export const dismissBodySchema = z.strictObject({ through: id });
