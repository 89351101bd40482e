"use client";

import { Checkbox } from "@/components/ui/checkbox";
import type { AttributeFilter } from "@/lib/attributes/filter";
import type { OwnerCount } from "@/lib/attributes/owners";
import type { Group as ExistGroup } from "@/lib/api/contract";

type AttributeFiltersProps = {
  filter: AttributeFilter;
  groups: readonly ExistGroup[];
  owners: readonly OwnerCount[];
  onChange: (filter: AttributeFilter) => void;
};

const field =
  "min-h-10 w-full rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:focus-visible:outline-indigo-300";

export function AttributeFilters({ filter, groups, owners, onChange }: AttributeFiltersProps) {
  return (
    <div
      role="group"
      aria-label="Filters"
      className="mt-6 grid gap-3 sm:grid-cols-[1fr_11rem_11rem_auto] sm:items-end"
    >
      <div className="grid gap-1">
        <label htmlFor="attribute-filter" className="text-sm font-medium">
          Filter attributes
        </label>
        <input
          id="attribute-filter"
          type="search"
          className={field}
          placeholder="Name or label"
          value={filter.query}
          onChange={(event) => onChange({ ...filter, query: event.target.value })}
        />
      </div>
      <div className="grid gap-1">
        <label htmlFor="group-filter" className="text-sm font-medium">
          Group
        </label>
        <select
          id="group-filter"
          className={field}
          value={filter.group}
          onChange={(event) => onChange({ ...filter, group: event.target.value })}
        >
          <option value="">All groups</option>
          {groups.map((group) => (
            <option key={group.name} value={group.name}>
              {group.label}
            </option>
          ))}
        </select>
      </div>
      <div className="grid gap-1">
        <label htmlFor="owner-filter" className="text-sm font-medium">
          Owner
        </label>
        <select
          id="owner-filter"
          className={field}
          value={filter.owner}
          onChange={(event) => onChange({ ...filter, owner: event.target.value })}
        >
          <option value="">All owners</option>
          {owners.map((owner) => (
            <option key={owner.key} value={owner.key}>
              {owner.label} ({owner.count})
            </option>
          ))}
        </select>
      </div>
      <label className="flex min-h-10 items-center gap-2 text-sm">
        <Checkbox
          checked={filter.ownedByAppOnly}
          onChange={(event) => onChange({ ...filter, ownedByAppOnly: event.target.checked })}
        />
        Owned by this app
      </label>
    </div>
  );
}
