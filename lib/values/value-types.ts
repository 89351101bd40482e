/**
 * Exist's value types (https://developer.exist.io/reference/object_types/#attribute-value-types):
 * each attribute has one, fixed, and it says what a value is.
 */
export const VALUE_TYPE = {
  /** Integer quantity. */
  integer: 0,
  decimal: 1,
  string: 2,
  /** Duration, whole minutes. */
  duration: 3,
  /** Time of day, minutes from midnight. */
  timeFromMidnight: 4,
  /** Percentage as a fraction, 0.0 to 1.0. */
  percentage: 5,
  /** Time of day, minutes from midday (templates only, e.g. `sleep_start`). */
  timeFromMidday: 6,
  /** Yes/no as 1/0; daily tags (the `custom` group) are booleans. */
  boolean: 7,
  /** Whole steps 1 to 9 (mood, energy, stress). */
  scale: 8,
} as const;

/**
 * Value types the increment endpoint adds to: Exist refuses strings, scales and times of day
 * (https://developer.exist.io/reference/writing_data/#increment-attribute-values), and adding to a
 * percentage or a yes/no has no meaning.
 */
export const INCREMENTABLE_TYPES: ReadonlySet<number> = new Set([
  VALUE_TYPE.integer,
  VALUE_TYPE.decimal,
  VALUE_TYPE.duration,
]);

export const MINUTES_PER_DAY = 24 * 60;

/** Exist's only documented string limit is `mood_note`'s; every string is held to it. */
export const MAX_TEXT_LENGTH = 1000;

/**
 * Our bound on any number written: the largest 32-bit integer, far above any day's real value,
 * and safe whatever integer type the other side keeps.
 */
export const MAX_NUMBER = 2_147_483_647;

export const SCALE_MIN = 1;
export const SCALE_MAX = 9;
