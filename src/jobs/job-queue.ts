/**
 * Durable work outside Slack's 3-second window. Listeners enqueue; a runner takes each job, runs its
 * handler, and retries it with backoff (honouring Retry-After) until it is done or has failed for good.
 * Two implementations: StoreJobQueue (SQLite, one process) and PgBossJobQueue (PostgreSQL, many replicas).
 */
import type { JobError, JobState, JobStats } from "../store/job-records.js";
import type { Log } from "../util/logger.js";

export type { JobError, JobState, JobStats } from "../store/job-records.js";

export interface JobContext {
  id: string;
  kind: string;
  payload: unknown;
  /** 1 for the first attempt. A job interrupted by a crash counts the interrupted attempt too. */
  attempt: number;
  maxAttempts: number;
  /** Epoch ms when the job was enqueued. */
  createdAt: number;
  log: Log;
}

/** What the handler says about one attempt. "retry" on the last attempt ends as "failed". */
export type JobResult =
  | { outcome: "done" }
  | { outcome: "retry"; error: JobError; retryAfterMs?: number }
  | { outcome: "failed"; error: JobError };

export type JobHandler = (job: JobContext) => Promise<JobResult>;

export interface EnqueueOptions {
  /** Makes enqueueing idempotent: the same key always maps to the same job (e.g. a Slack event id). */
  key?: string;
}

/** A job as `threadport jobs` shows it. */
export interface JobView {
  id: string;
  kind: string;
  state: JobState;
  attempts: number;
  maxAttempts: number;
  createdAt: number;
  /** When a pending job runs next (epoch ms). */
  runAt?: number;
  lastErrorCode?: string;
  lastError?: string;
  payload: unknown;
}

/** Hooks for metrics; every field optional. */
export interface JobObserver {
  attemptFinished?(kind: string, result: JobResult["outcome"], durationMs: number): void;
}

export interface JobQueue {
  /** Registers the handler of a kind; call before start(). */
  handle(kind: string, handler: JobHandler): void;
  enqueue(
    kind: string,
    payload: unknown,
    options?: EnqueueOptions,
  ): Promise<{ id: string; created: boolean }>;
  /** Starts running jobs (and picks up jobs a crash interrupted). */
  start(): Promise<void>;
  /** Takes no new jobs, waits up to timeoutMs for those in hand; false when some were still running. */
  stop(timeoutMs: number): Promise<boolean>;
  list(states: JobState[], limit: number): Promise<JobView[]>;
  /** Runs a failed job again with fresh attempts; false when no failed job has that id. */
  retry(id: string): Promise<boolean>;
  stats(): Promise<JobStats>;
}

/** Job-level retry timing: exponential backoff with full jitter, never sooner than Retry-After. */
export interface JobRetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_JOB_RETRY_POLICY: JobRetryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 5_000,
  maxDelayMs: 15 * 60_000,
};
