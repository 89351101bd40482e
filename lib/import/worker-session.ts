/**
 * What the import worker does with each request, apart from the worker itself so tests run it
 * directly: read and parse a file (keeping its rows for the plan), then plan from a mapping.
 * Progress goes out as the work goes, so the page can show it while it stays responsive.
 */
import { decodeFile } from "./decode";
import { fileIssues } from "./issues";
import { MAX_FILE_BYTES } from "./limits";
import { parseText, type ParsedTable } from "./parse-text";
import { planImport } from "./plan";
import { planBuffers } from "./planned";
import type { WorkerMessage, WorkerRequest } from "./protocol";
import { summarizeTable } from "./summary";

/** postMessage: `transfer` moves the plan's buffers to the page instead of copying them. */
export type Post = (message: WorkerMessage, transfer?: Transferable[]) => void;

export function createImportSession(post: Post) {
  let table: ParsedTable | null = null;

  async function parse(id: number, file: Blob): Promise<void> {
    table = null;
    // Refused before a byte is read: a file over the limit never fills the tab's memory.
    if (file.size > MAX_FILE_BYTES) {
      return post({
        id,
        type: "parsed",
        answer: { ok: false, issue: fileIssues.tooLarge(file.size) },
      });
    }
    post({ id, type: "progress", stage: "reading", fraction: 0 });
    const decoded = decodeFile(new Uint8Array(await file.arrayBuffer()));
    if (!decoded.ok) return post({ id, type: "parsed", answer: decoded });
    const parsed = parseText(decoded.text, {
      onProgress: ({ rows, fraction }) =>
        post({ id, type: "progress", stage: "parsing", fraction, rows }),
    });
    if (!parsed.ok) return post({ id, type: "parsed", answer: parsed });
    const summarized = summarizeTable(parsed.table);
    if (summarized.ok) table = parsed.table;
    post({ id, type: "parsed", answer: summarized });
  }

  async function handle(request: WorkerRequest): Promise<void> {
    try {
      if (request.type === "parse") return await parse(request.id, request.file);
      if (!table) throw new Error("No file has been read yet: choose a file first");
      const { id } = request;
      if (request.type === "columns") {
        return post({ id, type: "parsed", answer: summarizeTable(table, request.chosen) });
      }
      const plan = planImport(table, request.mapping, request.context, {
        onProgress: (fraction) => post({ id, type: "progress", stage: "planning", fraction }),
      });
      post({ id, type: "planned", plan }, planBuffers(plan));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      post({ id: request.id, type: "failed", message });
    }
  }

  return { handle };
}
