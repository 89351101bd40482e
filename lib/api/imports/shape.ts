/** An import as every import route answers it (ImportResponse), from its row and its values. */
import "server-only";
import type { ErrorCode, ImportPreview, ImportResponse, ImportStatus } from "@/lib/api/contract";
import {
  countWritten,
  countStates,
  refusedValues,
  type ImportRow,
} from "@/lib/api/imports/queries";
import type { Db } from "@/lib/db/database";

/** About how long one update/ call takes, for the estimate within a window. */
const SECONDS_PER_CALL = 0.5;
const MAX_REFUSED_SHOWN = 1000;
const ENDED: ImportStatus[] = ["finished", "cancelled", "undone", "failed"];

/** Seconds `calls` update/ calls take at `share` calls per window of `windowSeconds`. */
export function estimateSeconds(calls: number, share: number, windowSeconds: number): number {
  if (calls <= 0) return 0;
  const windows = Math.ceil(calls / share);
  const inLast = calls - (windows - 1) * share;
  return Math.ceil((windows - 1) * windowSeconds + inLast * SECONDS_PER_CALL);
}

export async function shapeImport(
  db: Db,
  row: ImportRow,
  now = new Date(),
): Promise<ImportResponse> {
  const preview = row.preview as ImportPreview;
  const phase = row.status === "undoing" || row.status === "undone" ? "undo" : "import";
  const counts = await countStates(db, row.id, phase);
  const total =
    phase === "undo"
      ? counts.pending + counts.sending + counts.written + counts.refused + counts.skipped
      : preview.totals.new + preview.totals.replace;
  const left = counts.pending + counts.sending;
  const waiting = row.waitingUntil && row.waitingUntil > now ? row.waitingUntil : null;
  const running = row.status === "running" || row.status === "undoing";
  const from = waiting ?? now;
  const estimatedEnd = running
    ? new Date(
        from.getTime() +
          estimateSeconds(Math.ceil(left / 35), preview.callsPerWindow, preview.windowSeconds) *
            1000,
      ).toISOString()
    : null;
  return {
    id: row.id,
    status: row.status,
    fileName: row.fileName,
    createdAt: row.createdAt.toISOString(),
    preview,
    progress: {
      total,
      written: counts.written,
      refused: counts.refused,
      calls: row.calls,
      waitingUntil: running && waiting ? waiting.toISOString() : null,
      estimatedEnd,
    },
    report: ENDED.includes(row.status) ? await report(db, row) : null,
    problem:
      row.problemCode && row.problemMessage
        ? { code: row.problemCode as ErrorCode, message: row.problemMessage }
        : null,
  };
}

async function report(db: Db, row: ImportRow): Promise<ImportResponse["report"]> {
  const preview = row.preview as ImportPreview;
  const counts = await countStates(db, row.id, "import");
  const refused = await refusedValues(db, row.id, MAX_REFUSED_SHOWN);
  const undone = row.status === "undone";
  const written = await countWritten(db, row.id);
  return {
    written: counts.written,
    unchanged: preview.totals.unchanged,
    invalid: row.invalidCount,
    refused: refused.map(({ name, date, errorCode, error }) => ({
      name,
      date,
      errorCode: errorCode ?? "",
      error: error ?? "",
    })),
    refusedCount: counts.refused + (await countStates(db, row.id, "undo")).refused,
    replaced: undone ? 0 : written.replaced,
    undoUntil: !undone && row.undoUntil ? row.undoUntil.toISOString() : null,
    newDays: written.newDays,
  };
}
