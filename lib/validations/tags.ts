/**
 * The body of POST /api/attributes/create: daily tags to create, by label. Exist makes each
 * tag's name from its label (https://developer.exist.io/reference/creating_attributes/), so the
 * label is all a person gives. Shared by the route handler and the New tag dialog.
 */
import { z } from "zod";
import { MAX_ITEMS_PER_REQUEST } from "@/lib/validations/ownership";
import { textLength } from "@/lib/values/rules";

/** Exist documents no limit on labels; tags are short words, and names are made from them. */
export const MAX_TAG_LABEL = 100;

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export const tagLabelSchema = z
  .string({ error: "must be text" })
  .trim()
  .min(1, "Enter a name for the tag")
  .refine((label) => textLength(label) <= MAX_TAG_LABEL, {
    message: `A tag name is at most ${MAX_TAG_LABEL} characters`,
  })
  .refine((label) => !CONTROL.test(label), {
    message: "A tag name can't hold control characters",
  });

export const newTagSchema = z.strictObject({ label: tagLabelSchema });

export const createTagsBodySchema = z
  .array(newTagSchema)
  .min(1, "must hold at least one tag")
  .max(MAX_ITEMS_PER_REQUEST, `at most ${MAX_ITEMS_PER_REQUEST} tags per request`)
  .superRefine((tags, ctx) => {
    const seen = new Set<string>();
    tags.forEach(({ label }, index) => {
      const key = label.toLowerCase();
      if (seen.has(key)) {
        ctx.addIssue({
          code: "custom",
          message: `${label} is in the body more than once`,
          path: [index, "label"],
        });
      }
      seen.add(key);
    });
  });

export type NewTagItem = z.infer<typeof newTagSchema>;
