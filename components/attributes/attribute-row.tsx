"use client";

import { memo } from "react";
import { buttonClass } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { cn } from "@/components/ui/cn";
import { Switch } from "@/components/ui/switch";
import type { Attribute } from "@/lib/attributes/types";
import { ownerText } from "@/lib/attributes/wording";
import { AttributeValuesLine } from "./attribute-values";
import { ChangeOwnerLink } from "./change-owner-link";
import { logButtonId, rowId, rowLabelId, switchId } from "./ids";
import type { RowValues } from "./row-values";

type AttributeRowProps = {
  attribute: Attribute;
  writable: boolean;
  pending: boolean;
  selected: boolean;
  onSelect: (name: string, selected: boolean) => void;
  onToggle: (attribute: Attribute) => void;
  /** Only for an attribute this app owns and may write: opens its Log dialog. */
  onLog?: ((attribute: Attribute) => void) | undefined;
  /** Values once loaded (null before): they arrive after the list. */
  row?: RowValues;
  /** Exist's own attributes page, for "Change owner on Exist". */
  existUrl?: string;
};

/** The other services that said they can supply it: "Also from Oura, Withings". */
function alsoFrom(attribute: Attribute): string[] {
  const owner = attribute.service?.name;
  return attribute.available_services
    .filter((service) => service.name !== owner)
    .map((service) => service.label);
}

function Mark({ children }: { children: string }) {
  return (
    <span className="rounded border border-slate-300 px-1.5 py-px text-xs text-slate-700 dark:border-slate-600 dark:text-slate-300">
      {children}
    </span>
  );
}

export const AttributeRow = memo(function AttributeRow(props: AttributeRowProps) {
  const { attribute, writable, pending, selected } = props;
  const labelId = rowLabelId(attribute.name);
  const others = alsoFrom(attribute);
  return (
    <li
      id={rowId(attribute.name)}
      className={cn(
        "flex items-center gap-3 px-3 py-3",
        attribute.ownedByApp && "bg-indigo-50/60 dark:bg-indigo-950/40",
      )}
    >
      <Checkbox
        aria-label={`Select ${attribute.label}`}
        checked={selected}
        onChange={(event) => props.onSelect(attribute.name, event.target.checked)}
      />
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <span id={labelId} className="font-medium break-words">
            {attribute.label}
          </span>
          {attribute.manual ? <Mark>Manual</Mark> : null}
          {attribute.template === null ? <Mark>Custom</Mark> : null}
          <a
            href={`/history?attribute=${attribute.name}`}
            aria-label={`${attribute.label} history`}
            className="text-xs text-indigo-700 underline underline-offset-2 dark:text-indigo-300"
          >
            History
          </a>
        </div>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          {ownerText(attribute)}
          {pending ? <span className="ml-2 italic">Saving…</span> : null}
        </p>
        <AttributeValuesLine attribute={attribute} row={props.row ?? null} />
        {others.length > 0 ? (
          <p className="text-sm text-slate-700 dark:text-slate-300">
            Also from {others.join(", ")}
            {props.existUrl ? (
              <>
                {" · "}
                <ChangeOwnerLink href={props.existUrl} />
              </>
            ) : null}
          </p>
        ) : null}
      </div>
      {props.onLog ? (
        <button
          type="button"
          id={logButtonId(attribute.name)}
          className={buttonClass("secondary", "min-h-9 px-3")}
          onClick={() => props.onLog?.(attribute)}
        >
          Log<span className="sr-only"> {attribute.label}</span>
        </button>
      ) : null}
      <Switch
        id={switchId(attribute.name)}
        aria-labelledby={labelId}
        checked={attribute.ownedByApp}
        disabled={!writable}
        aria-disabled={pending || undefined}
        aria-busy={pending || undefined}
        onCheckedChange={() => {
          if (!pending) props.onToggle(attribute);
        }}
      />
    </li>
  );
});
