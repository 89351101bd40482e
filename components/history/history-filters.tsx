import { buttonClass } from "@/components/ui/button";
import { FilterOptions } from "@/components/ui/filter-options";
import type { HistoryQuery } from "@/lib/validations/history";

const selectClass =
  "mt-1 block min-h-10 rounded-md border border-slate-300 bg-white px-2 text-sm dark:border-slate-600 dark:bg-slate-900";

const KINDS = [
  { value: "change", label: "Made here" },
  { value: "observed", label: "Seen elsewhere" },
  { value: "write", label: "Values written here" },
] satisfies Array<{ value: NonNullable<HistoryQuery["kind"]>; label: string }>;

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
          <FilterOptions
            all="All attributes"
            options={attributes.map((item) => ({ value: item.attribute, label: item.label }))}
          />
        </select>
      </label>
      <label className="text-sm font-medium">
        Kind
        <select name="kind" defaultValue={query.kind ?? ""} className={selectClass}>
          <FilterOptions all="All changes" options={KINDS} />
        </select>
      </label>
      <button type="submit" className={buttonClass("secondary")}>
        Filter
      </button>
    </form>
  );
}
