/**
 * The page's side of the import worker: requests as promises, progress as callbacks. Only the
 * import page should import this: the worker, with Papa Parse and the planning code (19 kB
 * gzip), is a chunk of its own that loads when the worker starts, never with a page.
 * Turbopack bundles the worker from the `new Worker(new URL(..., import.meta.url))` form, which
 * must stay literal here; it starts it as a classic worker whatever `type` says (its entry loads
 * the chunks with importScripts), and the app's Content-Security-Policy allows it
 * ('strict-dynamic' trusts a worker the page's own scripts start).
 */
import type { LongColumns } from "./layout";
import type { PlanContext } from "./plan";
import type {
  ImportProgress,
  ParseAnswer,
  WorkerMessage,
  WorkerRequest,
  WorkerRequestBody,
} from "./protocol";
import type { ImportMapping, ImportPlan } from "./types";

/** What a Worker offers that this needs: a fake one runs the session in tests. */
export type WorkerPort = {
  postMessage(request: WorkerRequest): void;
  onmessage: ((event: MessageEvent<WorkerMessage>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
};

export type OnProgress = (progress: ImportProgress) => void;

export type ImportWorker = {
  /** The file's summary, or why it cannot be imported (then nothing is kept). */
  parse(file: Blob, onProgress?: OnProgress): Promise<ParseAnswer>;
  /** The summary of the file last parsed, read as a long file with `chosen` columns. */
  columns(chosen: LongColumns): Promise<ParseAnswer>;
  /** The plan for the file last parsed, read through `mapping`. */
  plan(mapping: ImportMapping, context: PlanContext, onProgress?: OnProgress): Promise<ImportPlan>;
  terminate(): void;
};

type Pending = {
  resolve: (message: WorkerMessage) => void;
  reject: (error: Error) => void;
  onProgress?: OnProgress;
};

export const WORKER_STOPPED = "The import stopped reading the file. Reload the page and try again.";

export function connectImportWorker(port: WorkerPort): ImportWorker {
  const pending = new Map<number, Pending>();
  let nextId = 1;

  port.onmessage = ({ data }) => {
    const waiting = pending.get(data.id);
    if (!waiting) return;
    if (data.type === "progress") {
      const { stage, fraction, rows } = data;
      return waiting.onProgress?.(
        rows === undefined ? { stage, fraction } : { stage, fraction, rows },
      );
    }
    pending.delete(data.id);
    if (data.type === "failed") waiting.reject(new Error(data.message));
    else waiting.resolve(data);
  };
  const stopAll = () => {
    for (const waiting of pending.values()) waiting.reject(new Error(WORKER_STOPPED));
    pending.clear();
  };
  port.onerror = stopAll;

  function request(body: WorkerRequestBody, onProgress?: OnProgress) {
    const id = nextId++;
    return new Promise<WorkerMessage>((resolve, reject) => {
      pending.set(id, { resolve, reject, onProgress });
      port.postMessage({ ...body, id });
    });
  }

  return {
    async parse(file, onProgress) {
      const answer = await request({ type: "parse", file }, onProgress);
      if (answer.type !== "parsed") throw new Error(WORKER_STOPPED);
      return answer.answer;
    },
    async columns(chosen) {
      const answer = await request({ type: "columns", chosen });
      if (answer.type !== "parsed") throw new Error(WORKER_STOPPED);
      return answer.answer;
    },
    async plan(mapping, context, onProgress) {
      const answer = await request({ type: "plan", mapping, context }, onProgress);
      if (answer.type !== "planned") throw new Error(WORKER_STOPPED);
      return answer.plan;
    },
    terminate() {
      port.terminate();
      stopAll();
    },
  };
}

/** The import worker, started in the browser. */
export function startImportWorker(): ImportWorker {
  const worker = new Worker(new URL("./parse.worker.ts", import.meta.url), { type: "module" });
  return connectImportWorker(worker as WorkerPort);
}
