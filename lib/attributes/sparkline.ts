/**
 * A 14-day sparkline as SVG path data, with gaps: a day without data breaks the line (it is not a
 * zero), and a value with no neighbour is drawn as a dot.
 */
import type { Units, Value } from "@/lib/api/contract";
import { formatValue } from "./format";

export type Sparkline = { path: string; dots: Array<{ x: number; y: number }> };

export const SPARK_WIDTH = 84;
export const SPARK_HEIGHT = 20;

export function sparkline(series: ReadonlyArray<Value | null>): Sparkline | null {
  const numbers = series.map((value) => (typeof value === "number" ? value : null));
  const known = numbers.filter((value): value is number => value !== null);
  if (known.length === 0) return null;
  const min = Math.min(...known);
  const span = Math.max(...known) - min;
  const step = numbers.length > 1 ? SPARK_WIDTH / (numbers.length - 1) : 0;
  const point = (value: number, index: number) => ({
    x: Math.round(index * step * 10) / 10,
    // 2 px of margin top and bottom; a flat series sits in the middle.
    y:
      span === 0
        ? SPARK_HEIGHT / 2
        : Math.round((SPARK_HEIGHT - 2 - ((value - min) / span) * (SPARK_HEIGHT - 4)) * 10) / 10,
  });
  const parts: string[] = [];
  const dots: Sparkline["dots"] = [];
  numbers.forEach((value, index) => {
    if (value === null) return;
    const { x, y } = point(value, index);
    const previous = numbers[index - 1];
    const next = numbers[index + 1];
    const hasPrevious = previous !== null && previous !== undefined;
    const hasNext = next !== null && next !== undefined;
    if (!hasPrevious && !hasNext) dots.push({ x, y });
    parts.push(`${hasPrevious ? "L" : "M"}${x} ${y}`);
  });
  return { path: parts.join(" "), dots };
}

/** The sparkline's text alternative: "Steps, last 14 days: low 2,345, high 13,888, ...". */
export function sparklineLabel(
  label: string,
  series: ReadonlyArray<Value | null>,
  format: { valueType: number; name: string; units: Units },
): string {
  const numbers = series.filter((value): value is number => typeof value === "number");
  const days = series.length;
  const head = `${label}, last ${days} ${days === 1 ? "day" : "days"}`;
  if (numbers.length === 0) return `${head}: no data`;
  const show = (value: number) => formatValue(value, format.valueType, format.name, format.units);
  const latest = numbers.at(-1) ?? 0;
  const missing = days - numbers.length;
  const gaps = missing === 0 ? "" : `; no data on ${missing} ${missing === 1 ? "day" : "days"}`;
  return `${head}: low ${show(Math.min(...numbers))}, high ${show(Math.max(...numbers))}, latest ${show(latest)}${gaps}`;
}
