/**
 * POST /api/imports: the page's planned file compared with Exist's values (the preview), stored
 * with every planned value in status `preview`. Nothing is written to Exist here.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import type { ImportAttributePreview, ImportPreview, ImportResponse } from "@/lib/api/contract";
import { checkDraft } from "@/lib/api/imports/check-draft";
import { classify } from "@/lib/api/imports/classify";
import { insertImport, type ValueRow } from "@/lib/api/imports/queries";
import { readCurrentValues } from "@/lib/api/imports/read-current";
import { shapeImport, estimateSeconds } from "@/lib/api/imports/shape";
import { importsDb } from "@/lib/api/imports/store";
import { configuredLimits } from "@/lib/api/rate/window";
import { writeContext, type Session } from "@/lib/api/writing/context";
import { MAX_OBJECTS_PER_CALL, type ExistClient } from "@/lib/exist/client";
import type { ImportDraftBody } from "@/lib/api/contract";
import type { DraftAttribute } from "@/lib/validations/imports";

export async function createImport(
  exist: ExistClient,
  session: Session,
  body: ImportDraftBody & { attributes: DraftAttribute[] },
): Promise<ImportResponse> {
  const db = await importsDb();
  const context = await writeContext(exist, session, "update");
  checkDraft(body.attributes, context.attributes, context.today);
  const wanted = new Map<string, string[]>();
  for (const draft of body.attributes) {
    if (draft.name !== null) wanted.set(draft.name, [...draft.days, ...draft.emptyDays]);
  }
  const current = await readCurrentValues(exist, wanted);
  const id = randomUUID();
  const rows: ValueRow[] = [];
  const attributes: ImportAttributePreview[] = [];
  for (const draft of body.attributes) {
    const found = draft.name === null ? undefined : context.attributes.get(draft.name);
    const result = classify(draft, current.values.get(draft.name ?? "") ?? new Map());
    attributes.push({
      name: draft.name,
      ...(draft.newTagLabel === undefined ? {} : { newTagLabel: draft.newTagLabel }),
      label: found?.label ?? draft.label,
      valueType: draft.valueType,
      ownedByApp: found?.ownedByApp ?? draft.name === null,
      service: found?.service ?? null,
      new: result.new,
      replace: result.replace,
      unchanged: result.unchanged,
      cannotEmpty: result.cannotEmpty,
      replaceSample: result.replaceSample,
    });
    draft.days.forEach((day, index) => {
      const fate = result.fates[index];
      rows.push({
        importId: id,
        phase: "import",
        seq: rows.length,
        attribute: draft.name ?? "",
        tagLabel: draft.name === null ? (draft.newTagLabel ?? null) : null,
        day,
        value: fate === "unchanged" ? null : draft.values[index],
        before: result.before[index] ?? null,
        row: draft.rows[index] ?? 0,
        state: fate === "unchanged" ? "unchanged" : "pending",
      });
    });
  }
  const sum = (key: "new" | "replace" | "unchanged" | "cannotEmpty") =>
    attributes.reduce((total, attribute) => total + attribute[key], 0);
  const totals = {
    new: sum("new"),
    replace: sum("replace"),
    unchanged: sum("unchanged"),
    cannotEmpty: sum("cannotEmpty"),
    invalid: body.invalidCount,
  };
  const limits = configuredLimits();
  const writeCalls = Math.ceil((totals.new + totals.replace) / MAX_OBJECTS_PER_CALL);
  const preview: ImportPreview = {
    attributes,
    totals,
    read: current.read,
    writeCalls,
    callsPerWindow: limits.importShare,
    windowSeconds: limits.windowSeconds,
    estimatedSeconds: estimateSeconds(writeCalls, limits.importShare, limits.windowSeconds),
  };
  const row = {
    id,
    username: session.username,
    status: "preview" as const,
    fileName: body.fileName,
    preview,
    invalid: body.invalid,
    invalidCount: body.invalidCount,
    createdAt: new Date(),
  };
  await insertImport(db, row, rows);
  return shapeImport(db, {
    ...row,
    calls: 0,
    waitingUntil: null,
    problemCode: null,
    problemMessage: null,
    startedAt: null,
    endedAt: null,
    undoUntil: null,
  });
}
