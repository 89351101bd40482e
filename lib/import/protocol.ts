/**
 * The messages between the page and the import worker. The file's rows stay in the worker: the
 * page gets a summary to map the columns from, then sends the mapping and gets the plan back.
 * Each request carries an id that its progress and answer repeat.
 */
import type { FileIssue } from "./issues";
import type { LongColumns } from "./layout";
import type { PlanContext } from "./plan";
import type { FileSummary } from "./summary";
import type { ImportMapping, ImportPlan } from "./types";

/** parse: a file; columns: the file again, as a long file with these columns; plan: its values. */
export type WorkerRequestBody =
  | { type: "parse"; file: Blob }
  | { type: "columns"; chosen: LongColumns }
  | { type: "plan"; mapping: ImportMapping; context: PlanContext };

export type WorkerRequest = WorkerRequestBody & { id: number };

/** reading: the file's bytes; parsing: its rows; planning: the values from the mapping. */
export type ImportStage = "reading" | "parsing" | "planning";

export type ImportProgress = { stage: ImportStage; fraction: number; rows?: number };

export type ParseAnswer = { ok: true; summary: FileSummary } | { ok: false; issue: FileIssue };

export type WorkerMessage =
  | ({ id: number; type: "progress" } & ImportProgress)
  | { id: number; type: "parsed"; answer: ParseAnswer }
  | { id: number; type: "planned"; plan: ImportPlan }
  /** Something unexpected (a bug, memory): the message is for the page to show as it is. */
  | { id: number; type: "failed"; message: string };
