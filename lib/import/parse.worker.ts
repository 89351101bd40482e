/**
 * The import worker: reads, parses and plans a file away from the page's thread (the session
 * does the work, worker-session.ts). Started by startImportWorker (import-worker.ts).
 */
import type { WorkerMessage, WorkerRequest } from "./protocol";
import { createImportSession } from "./worker-session";

const scope = self as unknown as {
  postMessage: (message: WorkerMessage, transfer?: Transferable[]) => void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
};

const session = createImportSession((message, transfer) => scope.postMessage(message, transfer));

scope.onmessage = (event) => {
  void session.handle(event.data);
};
