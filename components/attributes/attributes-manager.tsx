"use client";

import { useCallback, useEffect, useMemo, useState } from "react";
import type { AttributesResponse } from "@/lib/api/contract";
import {
  acquireItems,
  type BulkAction,
  type BulkPlan,
  planBulk,
  releaseItems,
} from "@/lib/attributes/bulk";
import { type AttributeFilter, filterAttributes, NO_FILTER } from "@/lib/attributes/filter";
import { groupByExistGroup, listGroups } from "@/lib/attributes/grouping";
import type { ItemResult } from "@/lib/attributes/results";
import type { Attribute } from "@/lib/attributes/types";
import { usePendingNames } from "@/lib/query/use-ownership";
import { AttributeFilters } from "./attribute-filters";
import { AttributeGroupSection } from "./attribute-group";
import { BulkBar } from "./bulk-bar";
import { BulkResults } from "./bulk-results";
import { AcquireDialog, BulkDialog, preloadDialogs, ReleaseDialog } from "./lazy-dialogs";
import { LiveStatus, useAnnouncement } from "./live-status";
import { NoAttributes } from "./page-states";
import { TemplatesSection } from "./templates-section";
import { useChangeRunner } from "./use-change-runner";
import { usePerformanceMarks } from "./use-performance-marks";
import { useSelection } from "./use-selection";

/** What a dialog was opened for, fixed at opening: optimistic updates must not change it. */
type Dialog =
  | { kind: "acquire" | "release"; attribute: Attribute }
  | { kind: "bulk"; action: BulkAction; plan: BulkPlan }
  | null;
type LastBulk = { action: BulkAction; results: ItemResult[] } | null;

export function AttributesManager({ data }: { data: AttributesResponse }) {
  const { attributes } = data;
  const [filter, setFilter] = useState<AttributeFilter>(NO_FILTER);
  const [dialog, setDialog] = useState<Dialog>(null);
  const { announcement, announce } = useAnnouncement();
  const [lastBulk, setLastBulk] = useState<LastBulk>(null);
  const pending = usePendingNames();
  useEffect(preloadDialogs, []);
  const { runSingle, runBulk } = useChangeRunner(announce);

  const shown = useMemo(() => filterAttributes(attributes, filter), [attributes, filter]);
  const groups = useMemo(() => groupByExistGroup(shown), [shown]);
  const markFilterChange = usePerformanceMarks(shown);
  const selection = useSelection(attributes, shown);
  const onToggle = useCallback((attribute: Attribute) => {
    setDialog({ kind: attribute.ownedByApp ? "release" : "acquire", attribute });
  }, []);

  const close = () => setDialog(null);

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

  return (
    <>
      <AttributeFilters
        filter={filter}
        groups={listGroups(attributes)}
        onChange={(next) => {
          markFilterChange();
          setFilter(next);
        }}
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
        />
      ))}
      <TemplatesSection run={runSingle} />
      {dialog?.kind === "acquire" ? (
        <AcquireDialog
          key={dialog.attribute.name}
          attribute={dialog.attribute}
          access={data}
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
