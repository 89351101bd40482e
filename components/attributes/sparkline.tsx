import type { Units, Value } from "@/lib/api/contract";
import { SPARK_HEIGHT, SPARK_WIDTH, sparkline, sparklineLabel } from "@/lib/attributes/sparkline";

type SparklineProps = {
  label: string;
  series: ReadonlyArray<Value | null>;
  valueType: number;
  name: string;
  units: Units;
};

/** 14 days as an inline SVG: a day without data is a gap in the line, not a zero. */
export function Sparkline({ label, series, valueType, name, units }: SparklineProps) {
  const line = sparkline(series);
  return (
    <svg
      role="img"
      aria-label={sparklineLabel(label, series, { valueType, name, units })}
      width={SPARK_WIDTH}
      height={SPARK_HEIGHT}
      viewBox={`-2 0 ${SPARK_WIDTH + 4} ${SPARK_HEIGHT}`}
      className="shrink-0 text-indigo-700 dark:text-indigo-300"
    >
      {line ? (
        <>
          <path d={line.path} fill="none" stroke="currentColor" strokeWidth="1.5" />
          {line.dots.map((dot) => (
            <circle key={dot.x} cx={dot.x} cy={dot.y} r="1.5" fill="currentColor" />
          ))}
        </>
      ) : null}
    </svg>
  );
}
