/**
 * Values a person logs: the body of our write route (values as Exist stores them, checked against
 * each attribute's value type) and the log form (what was entered, turned into the same item).
 * Shared by the route handler and the dialog, so both refuse the same things in the same words.
 * https://developer.exist.io/reference/writing_data/
 */
import { z } from "zod";
import { existNameSchema, MAX_ITEMS_PER_REQUEST } from "@/lib/validations/ownership";
import { dateIssue, isCalendarDate } from "@/lib/values/dates";
import type { Parsed, ValueField } from "@/lib/values/field";
import { textLength, type AttributeKey, type WriteMode } from "@/lib/values/rules";
import { MAX_TEXT_LENGTH } from "@/lib/values/value-types";
import { storedValueIssue } from "@/lib/values/stored";

/** A calendar day (`YYYY-MM-DD`, 2026-02-31 refused) that is not after `today`. */
export function valueDateSchema(today: string) {
  return z.string().superRefine((date, ctx) => {
    const issue = dateIssue(date, today);
    if (issue) ctx.addIssue({ code: "custom", message: issue });
  });
}

// Any real day: the future is refused where today is known (writeBodySchemaFor).
const anyDaySchema = valueDateSchema("9999-12-31");

/**
 * Far beyond any value (text is at most MAX_TEXT_LENGTH, checked per attribute): a string this
 * long is refused before any attribute is looked up at Exist.
 */
export const MAX_ANY_TEXT = 10 * MAX_TEXT_LENGTH;

const anyText = z
  .string()
  .refine((text) => textLength(text) <= MAX_ANY_TEXT, `is far too long for any value`);

/** One value to write, as Exist stores it (metric, whole minutes, fractions, 1/0). */
export const writeItemSchema = z.strictObject({
  name: existNameSchema,
  date: anyDaySchema,
  value: z.union([z.number(), anyText], { error: "must be a number or a string" }),
});

export type WriteItem = z.infer<typeof writeItemSchema>;

/** GET /api/values/day's query: one attribute, one real day (reading any day is harmless). */
export const dayQuerySchema = z.object({ attribute: existNameSchema, date: anyDaySchema });

/** The body's shape; Exist takes 35 values a call, so the route sends it in chunks. */
export const writeBodySchema = z
  .array(writeItemSchema)
  .min(1, "must hold at least one value")
  .max(MAX_ITEMS_PER_REQUEST, `at most ${MAX_ITEMS_PER_REQUEST} values per request`);

export type WriteContext = {
  /** The person's attribute of that name (value type, label); undefined when they have none. */
  attribute: (name: string) => AttributeKey | undefined;
  /** Today in the person's Exist time zone: `todayIn(profile.timezone, now)`. */
  today: string;
  /** "update" sets the day's value; "increment" adds to it. */
  mode: WriteMode;
};

/**
 * writeBodySchema, with every value checked against its attribute's value type, no date after
 * the person's today, and each attribute and day at most once. Whether this app owns the
 * attribute is Exist's answer to give (`failed`, `unauthorised`), not a schema error.
 */
export function writeBodySchemaFor(context: WriteContext) {
  return writeBodySchema.superRefine((items, ctx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const add = (message: string, ...path: string[]) =>
        ctx.addIssue({ code: "custom", message, path: [index, ...path] });
      // A date off the calendar is already refused by writeItemSchema.
      const late = isCalendarDate(item.date) ? dateIssue(item.date, context.today) : null;
      if (late) add(late, "date");
      const key = `${item.name}/${item.date}`;
      if (seen.has(key)) add(`${item.name} on ${item.date} is in the body more than once`);
      seen.add(key);
      const attribute = context.attribute(item.name);
      if (!attribute) return add(`there is no attribute named ${item.name}`, "name");
      const issue = storedValueIssue(attribute, item.value, context.mode);
      if (issue) add(issue, "value");
    });
  });
}

/** What the field takes: text, hours and minutes, or yes/no (null: not chosen). */
export type EnteredOf<F extends ValueField> = Parameters<F["toStored"]>[0];

export type LogForm<F extends ValueField> = { date: string; value: EnteredOf<F> };

function isEntered(field: ValueField, value: unknown): boolean {
  if (field.kind === "duration") {
    const parts = value as Partial<Record<string, unknown>> | null;
    return typeof parts?.hours === "string" && typeof parts.minutes === "string";
  }
  if (field.kind === "boolean") return value === null || typeof value === "boolean";
  return typeof value === "string";
}

/**
 * The log form (a day and what was entered in `field`) parsed into the item to send. Issues sit
 * at `date`, `value`, or `value.hours` / `value.minutes` for a duration.
 */
export function logFormSchema<F extends ValueField>(
  field: F,
  options: { name: string; today: string; mode: WriteMode },
): z.ZodType<WriteItem, LogForm<F>> {
  const toStored = field.toStored as (entered: EnteredOf<F>, mode: WriteMode) => Parsed;
  const value = z.custom<EnteredOf<F>>((entered) => isEntered(field, entered), {
    message: `not what a ${field.kind} field holds`,
  });
  return z
    .object({ date: valueDateSchema(options.today), value })
    .transform((form, ctx): WriteItem => {
      const parsed = toStored(form.value, options.mode);
      if (!parsed.ok) {
        const path = parsed.part ? ["value", parsed.part] : ["value"];
        ctx.addIssue({ code: "custom", message: parsed.error, path });
        return z.NEVER;
      }
      return { name: options.name, date: form.date, value: parsed.value };
    });
}
