"use client";

import { startTransition, useCallback, useEffect, useMemo, useState } from "react";
import type { AttributesResponse } from "@/lib/api/contract";
import {
  acquireItems,
  type BulkAction,
  type BulkPlan,
  planBulk,
  releaseItems,
} from "@/lib/attributes/bulk";
import { stalledDays, todayIn } from "@/lib/attributes/days";
import {
  type AttributeFilter,
  filterAttributes,
  filterToSearch,
  NO_FILTER,
} from "@/lib/attributes/filter";
import { ownerCounts } from "@/lib/attributes/owners";
import { FIRST_ROWS, firstRows, groupByExistGroup, listGroups } from "@/lib/attributes/grouping";
import type { ItemResult } from "@/lib/attributes/results";
import type { Attribute } from "@/lib/attributes/types";
import { usePendingNames } from "@/lib/query/use-ownership";
import { useValues } from "@/lib/query/use-values";
import { AttributeFilters } from "./attribute-filters";
import { AttributeGroupSection } from "./attribute-group";
import { BulkBar } from "./bulk-bar";
import { BulkResults } from "./bulk-results";
import { AcquireDialog, BulkDialog, preloadDialogsOnIntent, ReleaseDialog } from "./lazy-dialogs";
import { LiveStatus, useAnnouncement } from "./live-status";
import { OwnersSummary } from "./owners-summary";
import { NoAttributes } from "./page-states";
import { TemplatesSection } from "./templates-section";
import { useChangeRunner } from "./use-change-runner";
import { usePerformanceMarks } from "./use-performance-marks";
import { useSelection } from "./use-selection";
import { ValuesBar } from "./values-bar";
import type { ValuesView } from "./values-context";

/** What a dialog was opened for, fixed at opening: optimistic updates must not change it. */
type Dialog =
  | { kind: "acquire" | "release"; attribute: Attribute }
  | { kind: "bulk"; action: BulkAction; plan: BulkPlan }
  | null;
type LastBulk = { action: BulkAction; results: ItemResult[] } | null;

type ManagerProps = { data: AttributesResponse; initialFilter?: AttributeFilter };

/** The URL's query string follows the filters (bookmarkable; a reload keeps them). */
function keepInUrl(filter: AttributeFilter) {
  const url = `${window.location.pathname}${filterToSearch(filter)}${window.location.hash}`;
  window.history.replaceState(window.history.state, "", url);
}

export function AttributesManager({ data, initialFilter = NO_FILTER }: ManagerProps) {
  const { attributes } = data;
  const [filter, setFilter] = useState<AttributeFilter>(initialFilter);
  const valuesState = useValues();
  const valuesData = valuesState.query.data;
  const values = useMemo(() => {
    if (!valuesData) return null;
    const view: ValuesView = {
      today: todayIn(valuesData.timezone),
      units: valuesData.units,
      windowDays: valuesData.days.length,
    };
    return { view, byName: valuesData.values };
  }, [valuesData]);
  const stalled = useMemo(() => {
    if (!values) return null;
    const names = new Set<string>();
    for (const attribute of attributes) {
      if (!attribute.active) continue;
      const latest = values.byName[attribute.name]?.latest ?? null;
      if (stalledDays(latest, values.view.today, values.view.windowDays) !== null) {
        names.add(attribute.name);
      }
    }
    return names;
  }, [attributes, values]);
  const owners = useMemo(() => ownerCounts(attributes, stalled), [attributes, stalled]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const { announcement, announce } = useAnnouncement();
  const [lastBulk, setLastBulk] = useState<LastBulk>(null);
  const pending = usePendingNames();
  useEffect(preloadDialogsOnIntent, []);
  const { runSingle, runBulk } = useChangeRunner(announce);

  const shown = useMemo(
    () => filterAttributes(attributes, filter, stalled ?? undefined),
    [attributes, filter, stalled],
  );
  const [rowLimit, setRowLimit] = useState(FIRST_ROWS);
  useEffect(() => startTransition(() => setRowLimit(Infinity)), []);
  const groups = useMemo(() => firstRows(groupByExistGroup(shown), rowLimit), [shown, rowLimit]);
  const markFilterChange = usePerformanceMarks(shown, rowLimit === Infinity);
  const selection = useSelection(attributes, shown);
  const onToggle = useCallback((attribute: Attribute) => {
    setDialog({ kind: attribute.ownedByApp ? "release" : "acquire", attribute });
  }, []);

  const close = () => setDialog(null);
  /** The latest value's date for the dialogs; undefined while values are loading. */
  const latestOf = (name: string) => {
    if (!values) return undefined;
    const latest = values.byName[name]?.latest;
    return latest ? { date: latest.date, today: values.view.today } : null;
  };

  function openBulk(action: BulkAction) {
    const plan = planBulk(action, selection.selectedAttributes, data);
    if (plan.changes.length > 0) setDialog({ kind: "bulk", action, plan });
    else announce(`None of the selected attributes can be ${action}d: nothing to change.`);
  }

  function confirmBulk(action: BulkAction, changes: readonly Attribute[]) {
    const change =
      action === "acquire"
        ? { action, items: acquireItems(changes, data) }
        : { action, items: releaseItems(changes) };
    return runBulk(change, attributes, (done, results) => {
      setLastBulk({ action: done, results });
      selection.keepOnly(results.filter((result) => !result.ok).map((result) => result.key));
    });
  }

  const changeFilter = (next: AttributeFilter) => {
    markFilterChange();
    setFilter(next);
    keepInUrl(next);
  };

  return (
    <>
      <OwnersSummary
        owners={owners}
        selected={filter.owner}
        onSelect={(owner) => changeFilter({ ...filter, owner })}
      />
      <ValuesBar
        values={valuesData}
        loading={valuesState.query.isPending}
        refreshing={valuesState.refreshing}
        error={valuesState.query.error}
        onRefresh={() => void valuesState.refresh()}
      />
      <AttributeFilters
        filter={filter}
        groups={listGroups(attributes)}
        owners={owners}
        onChange={changeFilter}
      />
      <BulkBar
        selectedCount={selection.selected.size}
        shownCount={shown.length}
        allShownSelected={selection.allShownSelected}
        onSelectShown={selection.selectShown}
        onClear={selection.clear}
        onBulk={openBulk}
      />
      <LiveStatus announcement={announcement} />
      {lastBulk ? <BulkResults {...lastBulk} onDismiss={() => setLastBulk(null)} /> : null}
      {attributes.length === 0 ? <NoAttributes /> : null}
      {attributes.length > 0 && shown.length === 0 ? (
        <p className="mt-6">No attributes match these filters.</p>
      ) : null}
      {groups.map((entry) => (
        <AttributeGroupSection
          key={entry.group.name}
          entry={entry}
          access={data}
          pending={pending}
          selection={selection.selected}
          onSelect={selection.toggle}
          onToggle={onToggle}
          values={values}
          existUrl={data.existAttributesUrl}
        />
      ))}
      <TemplatesSection run={runSingle} />
      {dialog?.kind === "acquire" ? (
        <AcquireDialog
          key={dialog.attribute.name}
          attribute={dialog.attribute}
          access={data}
          latest={latestOf(dialog.attribute.name)}
          onClose={close}
          run={runSingle}
        />
      ) : null}
      {dialog?.kind === "release" ? (
        <ReleaseDialog
          key={dialog.attribute.name}
          attribute={dialog.attribute}
          onClose={close}
          run={runSingle}
        />
      ) : null}
      {dialog?.kind === "bulk" ? (
        <BulkDialog
          action={dialog.action}
          changes={dialog.plan.changes}
          skipped={dialog.plan.skipped}
          onClose={close}
          onConfirm={() => confirmBulk(dialog.action, dialog.plan.changes)}
        />
      ) : null}
    </>
  );
}
