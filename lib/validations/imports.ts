/**
 * POST /api/imports and /api/imports/<id>/start: the page's planned file (ImportDraftBody) and
 * the tags it created. The shape is checked here; each value against its attribute's value
 * type once the server knows the attribute from Exist (lib/api/imports/check-draft.ts).
 */
import { z } from "zod";
import type { ImportDraftBody, ImportStartBody } from "@/lib/api/contract";
import { existNameSchema } from "@/lib/validations/ownership";
import { MAX_ANY_TEXT } from "@/lib/validations/values";
import { textLength } from "@/lib/values/rules";
import { MAX_IMPORT_ATTRIBUTES, MAX_IMPORT_VALUES } from "@/lib/import/limits";

/** The page's limits on an import (it refuses a larger file before sending it), checked again. */
export { MAX_IMPORT_ATTRIBUTES, MAX_IMPORT_VALUES } from "@/lib/import/limits";
/** Invalid cells the page sends with their reasons (it counts the rest). */
export const MAX_INVALID_SENT = 1000;
/** The body of POST /api/imports: 500,000 values with their days and rows fit in it. */
export const MAX_IMPORT_BODY_BYTES = 40 * 1024 * 1024;

const TOO_MANY_VALUES = `at most ${MAX_IMPORT_VALUES.toLocaleString("en-GB")} values per import`;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date as YYYY-MM-DD");
const label = z.string().trim().min(1, "can't be empty").max(200, "is at most 200 characters");
const value = z.union(
  [z.number(), z.string().refine((text) => textLength(text) <= MAX_ANY_TEXT, "is far too long")],
  { error: "must be a number or a string" },
);

const draftAttributeSchema = z
  .strictObject({
    name: existNameSchema.nullable(),
    newTagLabel: label.optional(),
    label: z.string().max(200),
    valueType: z.number().int().min(0).max(8),
    days: z.array(day).max(MAX_IMPORT_VALUES, TOO_MANY_VALUES),
    values: z.array(value).max(MAX_IMPORT_VALUES, TOO_MANY_VALUES),
    rows: z.array(z.number().int().min(0)).max(MAX_IMPORT_VALUES, TOO_MANY_VALUES),
    emptyDays: z.array(day).max(MAX_IMPORT_VALUES, TOO_MANY_VALUES),
  })
  .superRefine((attribute, ctx) => {
    const add = (message: string, path: string) =>
      ctx.addIssue({ code: "custom", message, path: [path] });
    if (attribute.name === null && attribute.newTagLabel === undefined) {
      add("names an attribute, or a new tag's label", "name");
    }
    if (attribute.name === null && attribute.valueType !== 7) {
      add("a new tag is a yes/no attribute (value type 7)", "valueType");
    }
    const count = attribute.days.length;
    if (attribute.values.length !== count) add("must hold one value per day", "values");
    if (attribute.rows.length !== count) add("must hold one row per day", "rows");
    for (let index = 1; index < count; index += 1) {
      if ((attribute.days[index - 1] as string) >= (attribute.days[index] as string)) {
        add("must be ascending, each day once", "days");
        break;
      }
    }
  });

export const importDraftBodySchema = z
  .strictObject({
    fileName: z.string().max(255, "is at most 255 characters"),
    attributes: z
      .array(draftAttributeSchema)
      .min(1, "must hold at least one attribute")
      .max(MAX_IMPORT_ATTRIBUTES, `at most ${MAX_IMPORT_ATTRIBUTES} attributes per import`),
    invalid: z
      .array(
        z.strictObject({
          row: z.number().int().min(0),
          column: z.string().max(200),
          cell: z.string().max(1000),
          reason: z.string().max(500),
        }),
      )
      .max(MAX_INVALID_SENT),
    invalidCount: z.number().int().min(0),
  })
  .superRefine((body, ctx) => {
    const total = body.attributes.reduce((sum, attribute) => sum + attribute.days.length, 0);
    if (total > MAX_IMPORT_VALUES) {
      ctx.addIssue({
        code: "custom",
        message: `${TOO_MANY_VALUES}, not ${total.toLocaleString("en-GB")}`,
        path: ["attributes"],
      });
    }
    const keys = body.attributes.map((attribute) =>
      attribute.name === null ? `tag:${attribute.newTagLabel ?? ""}` : attribute.name,
    );
    const repeated = keys.find((key, index) => keys.indexOf(key) !== index);
    if (repeated) {
      ctx.addIssue({
        code: "custom",
        message: `${repeated} is in the import more than once`,
        path: ["attributes"],
      });
    }
    if (body.invalidCount < body.invalid.length) {
      ctx.addIssue({
        code: "custom",
        message: "counts the invalid cells sent",
        path: ["invalidCount"],
      });
    }
  }) satisfies z.ZodType<ImportDraftBody>;

export const importStartBodySchema = z.strictObject({
  tags: z.record(label, existNameSchema),
}) satisfies z.ZodType<ImportStartBody>;

export type DraftAttribute = z.infer<typeof draftAttributeSchema>;
