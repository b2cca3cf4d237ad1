/** Durable jobs as the store keeps them (schema version 4). The queue logic lives in src/jobs/. */

export type JobState = "pending" | "running" | "done" | "failed";

/** A unit of work (an export, …) kept until it is done, or has failed for good and someone looks at it. */
export interface JobRecord {
  /** A UUID; derived from the Slack event id for event-started work, so a redelivery maps to the same job. */
  id: string;
  kind: string;
  /** JSON text, read by the handler of `kind`. */
  payload: string;
  state: JobState;
  /** Attempts started so far (a running job counts its current attempt). */
  attempts: number;
  maxAttempts: number;
  /** Epoch ms before which a pending job is not run. */
  runAt: number;
  /** Runner that holds a running job, and until when its lease lasts (epoch ms). */
  lockedBy?: string;
  lockedUntil?: number;
  lastErrorCode?: string;
  lastError?: string;
  createdAt: number;
  updatedAt: number;
  finishedAt?: number;
}

export interface NewJob {
  id: string;
  kind: string;
  payload: string;
  maxAttempts: number;
  /** Epoch ms; the job may run from then on. */
  runAt: number;
}

export interface JobError {
  code: string;
  message: string;
}

/** How an attempt ended: done, to be tried again at `runAt`, or failed for good. */
export type JobFinish =
  | { state: "done" }
  | { state: "pending"; runAt: number; error: JobError }
  | { state: "failed"; error: JobError };

export interface JobStats {
  pending: number;
  running: number;
  failed: number;
  /** created_at of the oldest pending or running job, epoch ms. */
  oldestWaitingSince?: number;
}

/** Done jobs are kept this long (for `threadport jobs` and debugging), then deleted. */
export const DONE_JOB_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;
