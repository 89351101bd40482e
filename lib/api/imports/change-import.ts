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
  importUnderWay,
  moveStatus,
  nameTags,
  phaseValues,
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

type Move = {
  from: readonly ImportStatus[];
  set: Parameters<typeof moveStatus>[3];
  /** What the change is called in the 409 when another request moved the import first. */
  change: string;
};

async function move(db: Db, row: ImportRow, { from, set, change }: Move): Promise<ImportRow> {
  const moved = await moveStatus(db, row.id, from, set);
  if (!moved) throw conflict(row.status, change);
  return moved;
}

/** Keeps the session's sign-in for the paced job, moves the import to a status it works in, wakes it. */
async function handToJob(
  db: Db,
  session: ImportSession,
  tokens: () => TokenFields,
  row: ImportRow,
  next: Move,
): Promise<ImportRow> {
  await keepImportToken(db, row.id, session.username, tokens());
  const moved = await move(db, row, next);
  await startImportWorker();
  await sendImportRun(row.id);
  return moved;
}

/** Loads the person's own import, changes it, and answers it as the change left it. */
async function changeOwn(
  username: string,
  id: string,
  change: (db: Db, row: ImportRow) => Promise<ImportRow>,
): Promise<ImportResponse> {
  const db = await importsDb();
  const row = await own(db, username, id);
  return shapeImport(db, await change(db, row));
}

export async function readImport(username: string, id: string): Promise<ImportResponse> {
  const db = await importsDb();
  return shapeImport(db, await own(db, username, id));
}

export async function currentImport(username: string): Promise<ImportResponse> {
  const db = await importsDb();
  const row = await importUnderWay(db, username);
  if (!row) throw new ApiError("not_found", "No import is under way.");
  return shapeImport(db, row);
}

async function attributeNames(db: Db, id: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ name: importValues.attribute })
    .from(importValues)
    .where(phaseValues(id, "import"));
  return rows.map((row) => row.name).filter(Boolean);
}

export async function startImport(
  exist: ExistClient,
  session: ImportSession,
  tokens: () => TokenFields,
  id: string,
  tags: Record<string, string>,
): Promise<ImportResponse> {
  return changeOwn(session.username, id, async (db, row) => {
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
    return handToJob(db, session, tokens, row, {
      from: ["preview"],
      set: { status: "running", startedAt: new Date() },
      change: "started",
    });
  });
}

export const pauseImport = (username: string, id: string) =>
  changeOwn(username, id, (db, row) =>
    move(db, row, {
      from: ["running"],
      set: { status: "paused", waitingUntil: null },
      change: "paused",
    }),
  );

export const resumeImport = (session: ImportSession, tokens: () => TokenFields, id: string) =>
  changeOwn(session.username, id, async (db, row) => {
    if (row.status !== "paused" && row.status !== "failed") throw conflict(row.status, "resumed");
    const undo = await countStates(db, id, "undo");
    const status = undo.pending + undo.sending > 0 ? "undoing" : "running";
    // The session's pair now: a failed import may have lost its own.
    return handToJob(db, session, tokens, row, {
      from: [row.status],
      set: { status, problemCode: null, problemMessage: null, endedAt: null },
      change: "resumed",
    });
  });

export const cancelImport = (username: string, id: string) =>
  changeOwn(username, id, async (db, row) => {
    const ended = new Date();
    const cancelled = await move(db, row, {
      from: ["preview", "running", "paused", "failed", "undoing"],
      set: {
        status: row.status === "undoing" ? "undone" : "cancelled",
        endedAt: ended,
        waitingUntil: null,
        undoUntil: new Date(ended.getTime() + UNDO_DAYS * 24 * 60 * 60 * 1000),
      },
      change: "cancelled",
    });
    const phase = row.status === "undoing" ? "undo" : "import";
    await skipPending(db, id, phase);
    await forgetValues(db, id, phase);
    await dropImportToken(db, id);
    return cancelled;
  });

export const undoImport = (session: ImportSession, tokens: () => TokenFields, id: string) =>
  changeOwn(session.username, id, async (db, row) => {
    if (row.status !== "finished" && row.status !== "cancelled")
      throw conflict(row.status, "undone");
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
      return undone ?? row;
    }
    return handToJob(db, session, tokens, row, {
      from: [row.status],
      set: { status: "undoing", endedAt: null },
      change: "undone",
    });
  });
