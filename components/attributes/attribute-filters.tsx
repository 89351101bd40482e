"use client";

import { useState, type ComponentProps } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FilterOptions } from "@/components/ui/filter-options";
import { Field, inputClass } from "@/components/ui/form-field";
import type { AttributeFilter } from "@/lib/attributes/filter";
import type { OwnerCount } from "@/lib/attributes/owners";
import type { Group as ExistGroup } from "@/lib/api/contract";

type AttributeFiltersProps = {
  filter: AttributeFilter;
  groups: readonly ExistGroup[];
  owners: readonly OwnerCount[];
  onChange: (filter: AttributeFilter) => void;
};

/** The filter box, group, owner, "owned by this app"; on a phone the last three fold away. */
export function AttributeFilters({ filter, groups, owners, onChange }: AttributeFiltersProps) {
  const [more, setMore] = useState(false);
  const on = [filter.group, filter.owner, filter.ownedByAppOnly].filter(Boolean).length;
  return (
    <div
      role="group"
      aria-label="Filters"
      className="mt-4 grid gap-3 sm:mt-6 sm:grid-cols-[1fr_11rem_11rem_auto] sm:items-end"
    >
      <div className="flex items-end gap-2">
        <Field id="attribute-filter" label="Filter attributes" className="flex-1">
          <input
            id="attribute-filter"
            type="search"
            className={inputClass()}
            placeholder="Name or label"
            value={filter.query}
            onChange={(event) => onChange({ ...filter, query: event.target.value })}
          />
        </Field>
        <Button
          variant="secondary"
          className="px-3 sm:hidden"
          aria-expanded={more}
          aria-controls="more-filters"
          onClick={() => setMore(!more)}
        >
          {more ? "Fewer filters" : on ? `More filters (${on} on)` : "More filters"}
        </Button>
      </div>
      <div id="more-filters" className={more ? "contents" : "contents max-sm:hidden"}>
        <FilterSelect
          id="group-filter"
          label="Group"
          all="All groups"
          value={filter.group}
          options={groups.map((group) => ({ value: group.name, label: group.label }))}
          onChange={(group) => onChange({ ...filter, group })}
        />
        <FilterSelect
          id="owner-filter"
          label="Owner"
          all="All owners"
          value={filter.owner}
          options={owners.map((owner) => ({
            value: owner.key,
            label: `${owner.label} (${owner.count})`,
          }))}
          onChange={(owner) => onChange({ ...filter, owner })}
        />
        <label className="flex min-h-10 items-center gap-2 text-sm">
          <Checkbox
            checked={filter.ownedByAppOnly}
            onChange={(event) => onChange({ ...filter, ownedByAppOnly: event.target.checked })}
          />
          Owned by this app
        </label>
      </div>
    </div>
  );
}

type FilterSelectProps = ComponentProps<typeof FilterOptions> & {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
};

/** A labelled select of the filter bar. */
function FilterSelect({ id, label, all, value, options, onChange }: FilterSelectProps) {
  return (
    <Field id={id} label={label}>
      <select
        id={id}
        className={inputClass()}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        <FilterOptions all={all} options={options} />
      </select>
    </Field>
  );
}
