import { relativeDay, stalledDays, stalledText } from "@/lib/attributes/days";
import { formatValue, isNumericType, shorten } from "@/lib/attributes/format";
import type { Attribute } from "@/lib/attributes/types";
import { Sparkline } from "./sparkline";
import type { RowValues } from "./row-values";

/**
 * An attribute's latest value, when it was recorded, a 14-day sparkline, and what it means when
 * no data comes in (stalled, or owned by this app, which writes only what the person logs).
 */
export function AttributeValuesLine({ attribute, row }: { attribute: Attribute; row: RowValues }) {
  const appNote = attribute.ownedByApp ? (
    <p className="text-sm text-slate-700 dark:text-slate-300">
      While this app owns {attribute.label}, only values you log here reach it.
    </p>
  ) : null;
  if (!row || !attribute.active) return appNote;
  const { view, values } = row;
  const latest = values?.latest ?? null;
  const stalled = stalledDays(latest, view.today, view.windowDays);
  const key = attribute.template ?? attribute.name;
  const text = latest ? formatValue(latest.value, attribute.value_type, key, view.units) : null;
  const shown = text === null ? null : shorten(text);
  return (
    <>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        {shown ? (
          <span className="font-medium tabular-nums" title={shown.full}>
            {shown.short === shown.full ? (
              shown.short
            ) : (
              <>
                <span aria-hidden="true">{shown.short}</span>
                <span className="sr-only">{shown.full}</span>
              </>
            )}
          </span>
        ) : null}{" "}
        {latest ? (
          <span className="text-slate-700 dark:text-slate-300">
            {relativeDay(latest.date, view.today)}
          </span>
        ) : null}{" "}
        {values && isNumericType(attribute.value_type) ? (
          <Sparkline
            label={attribute.label}
            series={values.series}
            valueType={attribute.value_type}
            name={key}
            units={view.units}
          />
        ) : null}{" "}
        {stalled !== null ? (
          <span className="font-medium text-amber-800 dark:text-amber-300">
            {stalledText(latest, stalled, view.windowDays)}
          </span>
        ) : null}
      </div>
      {appNote}
    </>
  );
}
