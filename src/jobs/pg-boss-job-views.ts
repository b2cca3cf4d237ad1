/** How pg-boss's job rows read as threadport's jobs, for `threadport jobs` (see pg-boss-job-queue.ts). */
import type { JobState, JobView } from "./job-queue.js";

export const FAILED_QUEUE = "threadport-failed";

/** What threadport keeps in a pg-boss job's data. */
export interface JobData {
  kind: string;
  payload: unknown;
  /** The id of the chain's first job: stable across attempts, so what it writes can be recognised. */
  chainId: string;
  attempt: number;
  maxAttempts: number;
  createdAt: number;
  lastError?: { code: string; message: string };
}

export interface JobRow {
  id: string;
  name: string;
  state: string;
  data: JobData;
  output: { rescheduled?: boolean } | null;
  created_on: Date;
  start_after: Date;
}

export function toView(row: JobRow): JobView | undefined {
  const data = row.data;
  if (!data || typeof data.kind !== "string") return undefined;
  const failedQueue = row.name === FAILED_QUEUE;
  const state: JobState | undefined = failedQueue
    ? row.state === "created"
      ? "failed"
      : undefined
    : (
        {
          created: "pending",
          retry: "pending",
          active: "running",
          completed: "done",
          failed: "failed",
        } as const
      )[row.state as "created"];
  if (!state) return undefined;
  return {
    id: row.id,
    kind: data.kind,
    state,
    attempts: data.attempt,
    maxAttempts: data.maxAttempts,
    createdAt: data.createdAt,
    ...(state === "pending" ? { runAt: new Date(row.start_after).getTime() } : {}),
    ...(data.lastError ? { lastErrorCode: data.lastError.code, lastError: data.lastError.message } : {}),
    payload: data.payload,
  };
}
