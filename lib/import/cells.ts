/**
 * One cell of a file as the value Exist stores, through the same field the Log dialog uses
 * (lib/values/field.ts): the person's units, the attribute's bounds and the same refusals. What
 * files write differently from a person typing is read here first: decimal commas and thousands
 * separators, yes/no words, durations as minutes or H:MM, 12-hour times, a unit after a number.
 * A cell is text and nothing else: a formula (=SUM(B2:B9)) is never evaluated, and is refused
 * where a number is wanted.
 */
import { numberText, parseTypedNumber, roundTo } from "@/lib/values/convert";
import type {
  BooleanField,
  DurationField,
  NumberField,
  StoredValue,
  TextField,
  TimeField,
  ValueField,
} from "@/lib/values/field";
import { VALUE_TYPE } from "@/lib/values/value-types";
import { readDuration, readTimeOfDay } from "./clock-cells";

export type CellValue =
  | { kind: "empty" }
  | { kind: "value"; value: StoredValue; rounded?: true }
  | { kind: "invalid"; error: string };

export type CellOptions = {
  /** The file writes 72,5 for 72.5 (and may group thousands with points: 1.234,5). */
  decimalComma: boolean;
};

const EMPTY: CellValue = { kind: "empty" };
const invalid = (error: string): CellValue => ({ kind: "invalid", error });

/** Cells spreadsheets write for "no value". */
const NO_VALUE = new Set(["-", "–", "—", "n/a", "na", "#n/a", "null"]);

const SIGNED_NUMBER = /^[+-]?[\d.,'\s\u00a0\u202f]*\d[\d.,'\s\u00a0\u202f]*%?$/;

/**
 * A cell a spreadsheet would run as a formula when opened (=, +, - or @ first, and not a signed
 * number such as -5 or +1.5). Such cells are only ever text here.
 */
export function looksLikeFormula(cell: string): boolean {
  const text = cell.trimStart();
  return /^[=+\-@]/.test(text) && !SIGNED_NUMBER.test(text);
}

/** Spreadsheet exports put `'` before a cell that would run as a formula: the text is after it. */
export function withoutFormulaEscape(cell: string): string {
  return /^'[=+\-@]/.test(cell) ? cell.slice(1) : cell;
}

const SPACES = /[\s\u00a0\u202f]/g;

/** "1 234,5" (decimal comma) or "1,234.5" as "1234.5"; anything else as it was. */
export function normalizeNumberText(text: string, decimalComma: boolean): string {
  const compact = /^[+-]?\d{1,3}([\s\u00a0\u202f]\d{3})+([.,]\d+)?$/.test(text)
    ? text.replace(SPACES, "")
    : text;
  if (decimalComma) {
    const grouped = /^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(compact);
    const plain = grouped ? compact.replaceAll(".", "") : compact;
    return /^[+-]?\d*,\d+$/.test(plain) ? plain.replace(",", ".") : plain;
  }
  return /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(compact) ? compact.replaceAll(",", "") : compact;
}

function decimalsOf(step: number): number {
  return Math.max(0, Math.round(-Math.log10(step)));
}

function withoutUnit(text: string, unit: string | null): string {
  if (!unit) return text;
  const lower = text.toLowerCase();
  const suffix = unit.toLowerCase();
  return lower.endsWith(suffix) ? text.slice(0, -suffix.length).trimEnd() : text;
}

/**
 * Numbers: more decimal places than the field takes are rounded to them where Exist stores a
 * fraction (a weight of 72.53 kg becomes 72.5, as the person would see it), and refused where
 * it stores a whole number (7.5 steps), but 8000.0 is 8000.
 */
function readNumber(text: string, field: NumberField, options: CellOptions): CellValue {
  const number = normalizeNumberText(withoutUnit(text, field.unit), options.decimalComma);
  const typed = parseTypedNumber(number);
  const decimals = decimalsOf(field.constraints.step);
  let entered = number;
  let rounded = false;
  if (typed && typed.decimals > decimals) {
    const whole = field.valueType === VALUE_TYPE.integer || field.valueType === VALUE_TYPE.scale;
    if (!whole || Number.isInteger(typed.value)) {
      entered = numberText(typed.value, decimals);
      rounded = roundTo(typed.value, decimals) !== typed.value;
    }
  }
  const parsed = field.toStored(entered);
  if (!parsed.ok) return invalid(parsed.error);
  return rounded
    ? { kind: "value", value: parsed.value, rounded }
    : { kind: "value", value: parsed.value };
}

const YES = new Set(["1", "yes", "y", "true", "x", "✓", "✔"]);
const NO = new Set(["0", "no", "n", "false"]);

function readBoolean(text: string, field: BooleanField): CellValue {
  const word = text.toLowerCase();
  const entered = YES.has(word) ? true : NO.has(word) ? false : null;
  if (entered === null) return invalid(`Expected yes or no (1 or 0) for ${field.label}`);
  const parsed = field.toStored(entered);
  return parsed.ok ? { kind: "value", value: parsed.value } : invalid(parsed.error);
}

function readText(text: string, field: TextField): CellValue {
  const parsed = field.toStored(withoutFormulaEscape(text));
  return parsed.ok ? { kind: "value", value: parsed.value } : invalid(parsed.error);
}

function fromParsed(parsed: ReturnType<ValueField["toStored"]>): CellValue {
  return parsed.ok ? { kind: "value", value: parsed.value } : invalid(parsed.error);
}

function readClock(text: string, field: DurationField | TimeField): CellValue {
  if (field.kind === "duration") {
    const entry = readDuration(text);
    return entry
      ? fromParsed(field.toStored(entry))
      : invalid(`Enter ${field.label} as minutes (452), H:MM (7:32) or 7h 32m`);
  }
  const clock = readTimeOfDay(text);
  return clock
    ? fromParsed(field.toStored(clock))
    : invalid(`Enter ${field.label} as a time, HH:MM`);
}

/** The cell as `field` stores it, empty, or why it cannot be. */
export function readCell(cell: string, field: ValueField, options: CellOptions): CellValue {
  const text = cell.trim();
  if (text === "") return EMPTY;
  if (field.kind === "text") return readText(text, field);
  if (NO_VALUE.has(text.toLowerCase())) return EMPTY;
  if (looksLikeFormula(text)) {
    return invalid(`${text} is a spreadsheet formula, not a value: export the values instead`);
  }
  switch (field.kind) {
    case "boolean":
      return readBoolean(text, field);
    case "duration":
    case "time":
      return readClock(text, field);
    default:
      return readNumber(
        field.kind === "percent" ? text.replace(/\s*%$/, "") : text,
        field,
        options,
      );
  }
}
