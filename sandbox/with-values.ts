/**
 * `GET /api/2/attributes/with-values/`: the user's attributes with their recent values.
 * https://developer.exist.io/reference/attributes/#get-attributes-with-values
 *
 * Choices where the docs are silent: only active attributes are listed, of every priority (live
 * Exist listed a priority-11 goal without `include_low_priority`); `days` outside 1–31 is clamped;
 * objects carry no `available_services` (live Exist sent none). Days without data: the docs say
 * each day is present with `null`, live Exist leaves them out; each account
 * says which (`valuesShape`), so clients meet both.
 */
import { attributeJson, sortedAttributes } from "./attributes";
import { MAX_DAYS } from "./exist-facts";
import { readFlag, readList } from "./paging";
import { canRead } from "./scopes";
import type { Account } from "./seed";
import type { ServiceDirectory } from "./services";
import { addDays, localDate, valueOn } from "./values";

type Query = Record<string, string | undefined>;

export type WithValuesContext = {
  scopes: ReadonlySet<string>;
  ownService: string;
  now: number;
  services: ServiceDirectory;
};

function readDays(value: string | undefined): number {
  const days = value !== undefined && /^\d+$/.test(value.trim()) ? Number(value) : 1;
  return Math.min(Math.max(days, 1), MAX_DAYS);
}

/** `date_max` when it is a real `yyyy-mm-dd` date, else the account's local today. */
function readDateMax(value: string | undefined, today: string): string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) return today;
  return value;
}

export function withValues(account: Account, query: Query, context: WithValuesContext) {
  const today = localDate(account.profile.timezone, context.now);
  const days = readDays(query.days);
  const dateMax = readDateMax(query.date_max, today);
  const groups = readList(query.groups);
  const names = readList(query.attributes);
  const templates = readList(query.templates);
  const manual = readFlag(query.manual);
  const records = sortedAttributes(account.attributes.values()).filter(
    (record) =>
      record.active &&
      canRead(record, context.scopes) &&
      (!groups || groups.has(record.group)) &&
      (!names || names.has(record.name)) &&
      (!templates || (record.template !== null && templates.has(record.template))) &&
      (manual !== true || record.manual),
  );
  const dates = Array.from({ length: days }, (_, index) => addDays(dateMax, -index));
  return records.map((record) => {
    const attribute: Partial<ReturnType<typeof attributeJson>> = attributeJson(
      record,
      context.services,
    );
    delete attribute.available_services;
    const all = dates.map((date) => ({
      date,
      value: valueOn(account, record, date, today, context.ownService) ?? null,
    }));
    const values = account.valuesShape === "docs" ? all : all.filter(({ value }) => value !== null);
    return { ...attribute, subgroup: null, values };
  });
}
