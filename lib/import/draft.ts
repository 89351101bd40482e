/**
 * The plan as the server takes it (POST /api/imports): plain arrays of dates and values, and the
 * first of the invalid cells. The typed arrays stay in the page; only this crosses the network.
 */
import type { ImportDraftBody } from "@/lib/api/contract";
import { dateOfDay } from "./days";
import { plannedDates, plannedValues } from "./planned";
import type { ImportPlan } from "./types";

/** Invalid cells sent with the draft: the report names them; the page's download has them all. */
export const DRAFT_INVALID = 1000;

export function draftBody(fileName: string, plan: ImportPlan): ImportDraftBody {
  return {
    fileName,
    attributes: plan.attributes.map((planned) => ({
      name: planned.target.kind === "attribute" ? planned.target.name : null,
      ...(planned.target.kind === "new-tag" ? { newTagLabel: planned.target.label } : {}),
      label: planned.label,
      valueType: planned.valueType,
      days: plannedDates(planned),
      values: plannedValues(planned),
      rows: Array.from(planned.rows),
      emptyDays: Array.from(planned.emptyDays, dateOfDay),
    })),
    invalid: plan.invalid.slice(0, DRAFT_INVALID),
    invalidCount: plan.invalidCount,
  };
}
