/**
 * The job engine's queues, each with the data its jobs carry. A job names what to work on (an
 * import's id), never a token or a value: those stay in their own tables.
 */
import type { Queue } from "pg-boss";

export type JobData = {
  /** Runs one import on: the batches the current window allows, then sends itself again. */
  "import-run": { importId: string };
};

export type QueueName = keyof JobData;

export const QUEUES: { [Name in QueueName]: Omit<Queue, "name"> } = {
  "import-run": {
    // One job per import queued and one active, whichever instance holds it: sending again
    // while one waits is a no-op, and a job waits while another of its import runs.
    policy: "stately",
    // A job whose instance died (SIGKILL) stops heartbeating and is retried within a minute or
    // two, instead of waiting out its expiry.
    heartbeatSeconds: 30,
    // One run does one window's share of calls, then sends the next run for the next window.
    expireInSeconds: 30 * 60,
    retryLimit: 20,
    retryDelay: 30,
    retryBackoff: true,
    retryDelayMax: 15 * 60,
    deleteAfterSeconds: 7 * 24 * 60 * 60,
  },
};
