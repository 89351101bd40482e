import { buttonClass } from "@/components/ui/button";
import type { HistoryQuery } from "@/lib/validations/history";

const selectClass =
  "mt-1 block min-h-10 rounded-md border border-slate-300 bg-white px-2 text-sm dark:border-slate-600 dark:bg-slate-900";

/** A plain GET form: filtering works without JavaScript, and the URL can be shared. */
export function HistoryFilters({
  query,
  attributes,
}: {
  query: HistoryQuery;
  attributes: Array<{ attribute: string; label: string }>;
}) {
  return (
    <form method="get" action="/history" className="mt-4 flex flex-wrap items-end gap-3">
      <label className="text-sm font-medium">
        Attribute
        <select name="attribute" defaultValue={query.attribute ?? ""} className={selectClass}>
          <option value="">All attributes</option>
          {attributes.map((item) => (
            <option key={item.attribute} value={item.attribute}>
              {item.label}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium">
        Kind
        <select name="kind" defaultValue={query.kind ?? ""} className={selectClass}>
          <option value="">All changes</option>
          <option value="change">Made here</option>
          <option value="observed">Seen elsewhere</option>
          <option value="write">Values written here</option>
        </select>
      </label>
      <button type="submit" className={buttonClass("secondary")}>
        Filter
      </button>
    </form>
  );
}
