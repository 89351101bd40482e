/**
 * What the person does with an import: start it (after the preview), pause, resume, cancel,
 * undo. Each checks the import is theirs (another user's is not found) and in a state the
 * change applies to (else 409 conflict).
 */
import "server-only";
import type { ImportResponse, ImportStatus } from "@/lib/api/contract";
import { loadAttributes } from "@/lib/api/attributes";
import { ApiError } from "@/lib/api/errors";
import { dropImportToken, keepImportToken } from "@/lib/api/imports/import-tokens";
import {
  activeImportOf,
  countStates,
  findImport,
  forgetValues,
  latestUnfinished,
  moveStatus,
  nameTags,
  planUndo,
  skipPending,
  unnamedTags,
  type ImportRow,
} from "@/lib/api/imports/queries";
import { shapeImport } from "@/lib/api/imports/shape";
import { importsDb } from "@/lib/api/imports/store";
import { sendImportRun, startImportWorker } from "@/lib/api/imports/worker";
import type { TokenFields } from "@/lib/auth/token";
import type { Db } from "@/lib/db/database";
import type { ExistClient } from "@/lib/exist/client";
import { importValues } from "@/lib/db/schema";
import { and, eq } from "drizzle-orm";
import { UNDO_DAYS } from "@/lib/api/imports/run-import";

export type ImportSession = {
  username: string;
  scopes: readonly string[];
  refreshToken: string;
};

const notFound = () => new ApiError("not_found", "There is no such import.");
const conflict = (status: ImportStatus, change: string) =>
  new ApiError("conflict", `This import is ${status}: it cannot be ${change}.`);

async function own(db: Db, username: string, id: string): Promise<ImportRow> {
  const row = await findImport(db, username, id);
  if (!row) throw notFound();
  return row;
}

export async function readImport(username: string, id: string): Promise<ImportResponse> {
  const db = await importsDb();
  return shapeImport(db, await own(db, username, id));
}

export async function currentImport(username: string): Promise<ImportResponse> {
  const db = await importsDb();
  const row = await latestUnfinished(db, username);
  if (!row) throw new ApiError("not_found", "No import is under way.");
  return shapeImport(db, row);
}

async function attributeNames(db: Db, id: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ name: importValues.attribute })
    .from(importValues)
    .where(and(eq(importValues.importId, id), eq(importValues.phase, "import")));
  return rows.map((row) => row.name).filter(Boolean);
}

export async function startImport(
  exist: ExistClient,
  session: ImportSession,
  tokens: () => TokenFields,
  id: string,
  tags: Record<string, string>,
): Promise<ImportResponse> {
  const db = await importsDb();
  const row = await own(db, session.username, id);
  if (row.status !== "preview") throw conflict(row.status, "started");
  const other = await activeImportOf(db, session.username);
  if (other)
    throw new ApiError(
      "conflict",
      "Another import is under way: let it finish, or cancel it, first.",
    );
  await nameTags(db, id, tags);
  const missing = await unnamedTags(db, id);
  if (missing.length > 0) {
    throw new ApiError(
      "validation_failed",
      `tags: name the tags created for ${missing.join(", ")}`,
    );
  }
  const list = await loadAttributes(exist, session, true);
  const byName = new Map(list.attributes.map((attribute) => [attribute.name, attribute]));
  const unowned = (await attributeNames(db, id)).filter((name) => !byName.get(name)?.ownedByApp);
  if (unowned.length > 0) {
    const labels = unowned.map((name) => byName.get(name)?.label ?? name);
    throw new ApiError(
      "not_owned",
      `This app does not own ${labels.join(", ")} (${unowned.join(", ")}): acquire them first.`,
    );
  }
  await keepImportToken(db, id, session.username, tokens());
  const started = await moveStatus(db, id, ["preview"], {
    status: "running",
    startedAt: new Date(),
  });
  if (!started) throw conflict(row.status, "started");
  await startImportWorker();
  await sendImportRun(id);
  return shapeImport(db, started);
}

export async function pauseImport(username: string, id: string): Promise<ImportResponse> {
  const db = await importsDb();
  const row = await own(db, username, id);
  const paused = await moveStatus(db, id, ["running"], { status: "paused", waitingUntil: null });
  if (!paused) throw conflict(row.status, "paused");
  return shapeImport(db, paused);
}

export async function resumeImport(
  session: ImportSession,
  tokens: () => TokenFields,
  id: string,
): Promise<ImportResponse> {
  const db = await importsDb();
  const row = await own(db, session.username, id);
  if (row.status !== "paused" && row.status !== "failed") throw conflict(row.status, "resumed");
  const undo = await countStates(db, id, "undo");
  const status = undo.pending + undo.sending > 0 ? "undoing" : "running";
  // The session's pair now: a failed import may have lost its own.
  await keepImportToken(db, id, session.username, tokens());
  const resumed = await moveStatus(db, id, [row.status], {
    status,
    problemCode: null,
    problemMessage: null,
  });
  if (!resumed) throw conflict(row.status, "resumed");
  await startImportWorker();
  await sendImportRun(id);
  return shapeImport(db, resumed);
}

export async function cancelImport(username: string, id: string): Promise<ImportResponse> {
  const db = await importsDb();
  const row = await own(db, username, id);
  const from: ImportStatus[] = ["preview", "running", "paused", "failed", "undoing"];
  const ended = new Date();
  const cancelled = await moveStatus(db, id, from, {
    status: row.status === "undoing" ? "undone" : "cancelled",
    endedAt: ended,
    waitingUntil: null,
    undoUntil: new Date(ended.getTime() + UNDO_DAYS * 24 * 60 * 60 * 1000),
  });
  if (!cancelled) throw conflict(row.status, "cancelled");
  const phase = row.status === "undoing" ? "undo" : "import";
  await skipPending(db, id, phase);
  await forgetValues(db, id, phase);
  await dropImportToken(db, id);
  return shapeImport(db, cancelled);
}

export async function undoImport(
  session: ImportSession,
  tokens: () => TokenFields,
  id: string,
): Promise<ImportResponse> {
  const db = await importsDb();
  const row = await own(db, session.username, id);
  if (row.status !== "finished" && row.status !== "cancelled") throw conflict(row.status, "undone");
  if (!row.undoUntil || row.undoUntil < new Date()) {
    throw new ApiError(
      "conflict",
      "This import's replaced values are no longer kept: it cannot be undone.",
    );
  }
  const other = await activeImportOf(db, session.username);
  if (other) throw new ApiError("conflict", "Another import is under way: let it finish first.");
  const planned = await planUndo(db, id);
  if (planned === 0) {
    const undone = await moveStatus(db, id, [row.status], {
      status: "undone",
      endedAt: new Date(),
    });
    return shapeImport(db, undone ?? row);
  }
  await keepImportToken(db, id, session.username, tokens());
  const undoing = await moveStatus(db, id, [row.status], { status: "undoing", endedAt: null });
  if (!undoing) throw conflict(row.status, "undone");
  await startImportWorker();
  await sendImportRun(id);
  return shapeImport(db, undoing);
}
