/**
 * What the sandbox knows about Exist, written down here from Exist's developer docs and from live
 * answers, and from nothing of the app: a stand-in that read its facts from the client it tests
 * could never disagree with it.
 *
 * - Groups and their scopes: https://developer.exist.io/reference/authentication/oauth2/#scopes
 * - Value types: https://developer.exist.io/reference/object_types/#attribute-value-types
 * - Limits: https://developer.exist.io/reference/important_values/ and
 *   https://developer.exist.io/reference/writing_data/
 */

/**
 * The groups, in the order the sandbox sorts them. The docs name the groups but give no complete
 * order (their examples show Activity first, with priority 1; live priorities vary by account),
 * so the order and priorities are the sandbox's. The `custom` group's label is "Daily tags", as
 * live Exist answers; the scopes page still calls it "Custom tags" (`scopeLabel`).
 */
export const GROUPS = [
  { name: "activity", label: "Activity", priority: 1 },
  { name: "workouts", label: "Workouts", priority: 2 },
  { name: "productivity", label: "Productivity", priority: 3 },
  { name: "mood", label: "Mood", priority: 4 },
  { name: "sleep", label: "Sleep", priority: 5 },
  { name: "events", label: "Events", priority: 6 },
  { name: "finance", label: "Finance", priority: 7 },
  { name: "food", label: "Food and drink", priority: 8 },
  { name: "health", label: "Health and body", priority: 9 },
  { name: "location", label: "Location", priority: 10 },
  { name: "media", label: "Media", priority: 11 },
  { name: "social", label: "Social", priority: 12 },
  { name: "weather", label: "Weather", priority: 13 },
  { name: "symptoms", label: "Symptoms", priority: 14 },
  { name: "medication", label: "Medication", priority: 15 },
  { name: "custom", label: "Daily tags", priority: 16 },
] as const;

export type Group = (typeof GROUPS)[number];
export type GroupName = Group["name"];

const BY_NAME = new Map<string, Group>(GROUPS.map((group) => [group.name, group]));

export function isGroupName(name: unknown): name is GroupName {
  return typeof name === "string" && BY_NAME.has(name);
}

export function findGroup(name: GroupName): Group {
  const group = BY_NAME.get(name);
  if (!group) throw new Error(`unknown group ${name}`);
  return group;
}

/** How the scopes page (and so the consent page) names a group. */
export function scopeLabel(group: Group): string {
  return group.name === "custom" ? "Custom tags" : group.label;
}

/**
 * Value types 0–8. `description` is the `value_type_description` the API answers: the API
 * example's wording ("Period (min)"), and live Exist's for scales ("Integer scale (1-9)").
 * `kind` is what a value must broadly be; Exist checks no more than that.
 */
export const VALUE_TYPES = [
  { description: "Integer", kind: "integer" },
  { description: "Float", kind: "float" },
  { description: "String", kind: "string" },
  { description: "Period (min)", kind: "integer" },
  { description: "Time of day (min from midnight)", kind: "integer" },
  { description: "Percentage", kind: "float" },
  { description: "Time of day (min from midday)", kind: "integer" },
  { description: "Boolean", kind: "boolean" },
  { description: "Integer scale (1-9)", kind: "integer" },
] as const;

export type ValueType = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;
export type ValueKind = (typeof VALUE_TYPES)[number]["kind"];

export function isValueType(value: unknown): value is ValueType {
  return (
    Number.isInteger(value) && (value as number) >= 0 && (value as number) < VALUE_TYPES.length
  );
}

export function valueTypeDescription(valueType: ValueType): string {
  return VALUE_TYPES[valueType].description;
}

export function valueKind(valueType: ValueType): ValueKind {
  return VALUE_TYPES[valueType].kind;
}

/** `increment/` refuses strings, scales and times of day (writing_data, "Increment"). */
export const NOT_INCREMENTABLE: ReadonlyMap<ValueType, string> = new Map([
  [2, "a string"],
  [4, "a time of day"],
  [6, "a time of day"],
  [8, "a scale"],
]);

/** Minutes from midday is reserved for templates: `create/` refuses it. */
export const TEMPLATE_ONLY_VALUE_TYPE: ValueType = 6;

/** The `custom` group holds booleans only (value type 7). */
export const CUSTOM_GROUP_VALUE_TYPE: ValueType = 7;

/** Strings hold at most 1000 characters (the template table's `mood_note`). */
export const MAX_STRING_LENGTH = 1000;

/** Every write endpoint takes at most 35 objects a call. */
export const MAX_OBJECTS = 35;

/** Pages hold at most 100 results (`values/` documents it; the lists behave the same). */
export const MAX_PAGE_LIMIT = 100;

/** "300 requests/hr per user token", rate-limited "until the next hour". */
export const RATE_LIMIT = 300;
export const RATE_WINDOW_SECONDS = 3600;

/** `with-values/` answers at most 31 days. */
export const MAX_DAYS = 31;

/** Every group's read and write scope, and the two manual ones. */
export const ALL_SCOPES: readonly string[] = [
  ...GROUPS.flatMap((group) => [`${group.name}_read`, `${group.name}_write`]),
  "manual_read",
  "manual_write",
];
