/**
 * zod schemas of what Exist's API v2 returns, as documented at https://developer.exist.io/.
 * Types are inferred from them; the objects sent to Exist are plain types. Server-side.
 */
import { z } from "zod";

export const groupSchema = z.object({
  name: z.string(),
  label: z.string(),
  priority: z.number(),
});

export const serviceSchema = z.object({
  name: z.string(),
  label: z.string(),
});

export const attributeSchema = z.object({
  template: z.string().nullable(),
  name: z.string(),
  label: z.string(),
  group: groupSchema,
  service: serviceSchema.nullable(),
  active: z.boolean(),
  priority: z.number(),
  manual: z.boolean(),
  value_type: z.number(),
  value_type_description: z.string(),
  available_services: z.array(serviceSchema).default([]),
});

export const templateSchema = z.object({
  name: z.string(),
  label: z.string(),
  group: groupSchema,
  priority: z.number(),
  value_type: z.number(),
  value_type_description: z.string(),
});

function buildPageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    count: z.number().int().nonnegative(),
    next: z.string().nullable(),
    previous: z.string().nullable(),
    results: z.array(item),
  });
}

// One page schema per item schema: zod compiles a schema on its first parse, which is costly
// per request.
const pageSchemas = new WeakMap<z.ZodType, z.ZodType>();

/** DRF-style page: https://developer.exist.io/reference/attributes/ */
export function pageSchema<T extends z.ZodType>(item: T): ReturnType<typeof buildPageSchema<T>> {
  const known = pageSchemas.get(item) as ReturnType<typeof buildPageSchema<T>> | undefined;
  if (known) return known;
  const schema = buildPageSchema(item);
  pageSchemas.set(item, schema);
  return schema;
}

const flag = z.boolean().catch(false).default(false);

export const profileSchema = z.object({
  username: z.string(),
  first_name: z.string().default(""),
  last_name: z.string().default(""),
  avatar: z.string().nullable().default(null),
  timezone: z.string().optional(),
  /** `2022-05-16T16:01:37.587+10:00`: its date is the user's today. */
  local_time: z.string().optional(),
  imperial_distance: flag,
  imperial_weight: flag,
  imperial_energy: flag,
  imperial_liquid: flag,
  imperial_temperature: flag,
});

/**
 * One day of `with-values/`. The docs list every day with `null` where there is no data; live
 * Exist leaves such days out (docs/exist.md): both read the same.
 */
export const dayValueSchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  value: z.union([z.number(), z.string(), z.boolean(), z.null()]),
});

/** `GET /api/2/attributes/with-values/`: only what the values need (no `available_services`). */
export const attributeValuesSchema = z.object({
  name: z.string(),
  value_type: z.number(),
  values: z.array(dayValueSchema).default([]),
});

export const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  token_type: z.string(),
  expires_in: z.number(),
  scope: z.string(),
});

/**
 * One object of an acquire call: an attribute by name, or a template to create the attribute
 * from; `manual: true` marks it as manually tracked.
 * https://developer.exist.io/reference/attribute_ownership/#acquire-attributes
 */
export type AcquireObject =
  | { name: string; manual?: boolean | undefined }
  | { template: string; manual?: boolean | undefined };

/**
 * One object of a release call:
 * https://developer.exist.io/reference/attribute_ownership/#release-attributes
 */
export type ReleaseObject = { name: string };

export type OwnershipObject = AcquireObject | ReleaseObject;

/**
 * One object of an update or increment call: a day's value in Exist's stored form. The date is
 * always sent (increment would take the person's today without it).
 * https://developer.exist.io/reference/writing_data/
 */
export type ValueObject = { name: string; date: string; value: number | string };

/**
 * One object of a create call for a custom attribute (the name is Exist's to choose):
 * https://developer.exist.io/reference/creating_attributes/
 */
export type CreateObject = { label: string; group: string; value_type: number; manual: boolean };

/** One item of acquire/release's `failed` array: the object sent, plus Exist's error. */
export const failedItemSchema = z
  .object({ error_code: z.string(), error: z.string() })
  .catchall(z.unknown());

/**
 * The answer of every chunked write (acquire, release, update, increment, create):
 * https://developer.exist.io/reference/attribute_ownership/,
 * https://developer.exist.io/reference/writing_data/
 */
export const ownershipResultSchema = z.object({
  success: z.array(z.record(z.string(), z.unknown())),
  failed: z.array(failedItemSchema),
});

export type ExistGroup = z.infer<typeof groupSchema>;
export type ExistService = z.infer<typeof serviceSchema>;
export type ExistAttribute = z.infer<typeof attributeSchema>;
export type ExistTemplate = z.infer<typeof templateSchema>;
export type ExistProfile = z.infer<typeof profileSchema>;
export type ExistAttributeValues = z.infer<typeof attributeValuesSchema>;
export type ExistDayValue = z.infer<typeof dayValueSchema>;
export type TokenResponse = z.infer<typeof tokenResponseSchema>;
export type OwnershipResult = z.infer<typeof ownershipResultSchema>;
