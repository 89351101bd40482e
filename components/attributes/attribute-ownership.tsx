"use client";

import { useEffect, useMemo } from "react";
import type { AttributesResponse } from "@/lib/api/contract";
import type { AttributeFilter } from "@/lib/attributes/filter";
import { listGroups } from "@/lib/attributes/grouping";
import { canWrite, type WriteAccess } from "@/lib/scopes";
import { ownerCounts } from "@/lib/attributes/owners";
import { AttributeFilters } from "./attribute-filters";
import { AttributeList } from "./attribute-list";
import { BulkBar } from "./bulk-bar";
import { BulkResults } from "./bulk-results";
import { ChangeDialog, useOpenDialog } from "./change-dialog";
import { preloadDialogsOnIntent } from "./lazy-dialogs";
import { LiveStatus, useAnnouncement } from "./live-status";
import { OwnersSummary } from "./owners-summary";
import { TemplatesSection } from "./templates-section";
import { useAttributeFilter } from "./use-attribute-filter";
import { useBulkChange } from "./use-bulk-change";
import { useChangeRunner } from "./use-change-runner";
import { useListValues } from "./use-list-values";
import { useSelection } from "./use-selection";
import { ValuesBar } from "./values-bar";

/** A new tag is a manual attribute of the `custom` group, owned by this app. */
const canCreateTags = (access: WriteAccess) =>
  canWrite({ group: { name: "custom" }, manual: true }, access);

type AttributeOwnershipProps = { data: AttributesResponse; initialFilter?: AttributeFilter };

/**
 * Every attribute with its owner and latest values, and the ways to change owners: a switch per
 * row, a bulk change of the selected rows, templates; each change confirmed in a dialog, its
 * outcome announced.
 */
export function AttributeOwnership({ data, initialFilter }: AttributeOwnershipProps) {
  const { attributes } = data;
  const { values, stalled, bar } = useListValues(attributes);
  const owners = useMemo(() => ownerCounts(attributes, stalled), [attributes, stalled]);
  const { filter, shown, changeFilter } = useAttributeFilter(attributes, stalled, initialFilter);
  const selection = useSelection(attributes, shown);
  const { announcement, announce } = useAnnouncement();
  const { runSingle, runBulk } = useChangeRunner(announce);
  const dialogs = useOpenDialog();
  const bulk = useBulkChange({ data, selection, runBulk, openDialog: dialogs.open, announce });
  useEffect(preloadDialogsOnIntent, []);
  // From the Log dialog: the list already shows the owner Exist named.
  const acquireNamed = (name: string) => {
    const attribute = attributes.find((candidate) => candidate.name === name);
    dialogs.open(attribute ? { kind: "acquire", attribute } : null);
  };

  return (
    <>
      <OwnersSummary
        owners={owners}
        selected={filter.owner}
        onSelect={(owner) => changeFilter({ ...filter, owner })}
      />
      <ValuesBar
        {...bar}
        onNewTag={canCreateTags(data) ? () => dialogs.open({ kind: "new-tag" }) : undefined}
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
        onBulk={bulk.open}
      />
      <LiveStatus announcement={announcement} />
      {bulk.lastResults ? (
        <BulkResults {...bulk.lastResults} onDismiss={bulk.dismissResults} />
      ) : null}
      <AttributeList
        data={data}
        shown={shown}
        values={values}
        selected={selection.selected}
        onSelect={selection.toggle}
        onToggle={dialogs.openFor}
        onLog={dialogs.openLog}
      />
      <TemplatesSection run={runSingle} />
      <ChangeDialog
        dialog={dialogs.dialog}
        access={data}
        values={values}
        onClose={dialogs.close}
        run={runSingle}
        onConfirmBulk={bulk.confirm}
        onAcquire={acquireNamed}
        announce={announce}
      />
    </>
  );
}
