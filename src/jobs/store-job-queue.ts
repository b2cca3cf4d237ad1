/**
 * The job queue over the Store's jobs table, for SQLite (one process per database file). Jobs are polled,
 * leased, and retried with backoff; on start, jobs left running by a crash are made pending again.
 */
import { randomUUID } from "node:crypto";
import type { JobFinish, JobRecord, JobState, JobStats } from "../store/job-records.js";
import type { Store } from "../store/store.js";
import type { Log } from "../util/logger.js";
import { nextDelayMs } from "../util/retry-with-backoff.js";
import { WorkTracker } from "../util/work-tracker.js";
import { jobIdFor } from "./job-id.js";
import {
  DEFAULT_JOB_RETRY_POLICY,
  type EnqueueOptions,
  type JobHandler,
  type JobObserver,
  type JobQueue,
  type JobResult,
  type JobRetryPolicy,
  type JobView,
} from "./job-queue.js";

export interface StoreJobQueueOptions {
  store: Store;
  log: Log;
  /** Jobs run at once. */
  concurrency?: number;
  retry?: Partial<JobRetryPolicy>;
  /** How long a claimed job stays ours without renewal; renewed every third of it while it runs. */
  leaseMs?: number;
  pollIntervalMs?: number;
  /** Make jobs left running by an earlier process pending again at start (only one process per database). */
  recoverOnStart?: boolean;
  observer?: JobObserver;
  now?: () => number;
  random?: () => number;
}

export class StoreJobQueue implements JobQueue {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly work = new WorkTracker();
  private readonly workerId = `worker-${randomUUID()}`;
  private readonly policy: JobRetryPolicy;
  private readonly concurrency: number;
  private readonly leaseMs: number;
  private readonly now: () => number;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private polling = false;
  private pollAgain = false;

  constructor(private readonly options: StoreJobQueueOptions) {
    this.policy = { ...DEFAULT_JOB_RETRY_POLICY, ...options.retry };
    this.concurrency = Math.max(1, options.concurrency ?? 4);
    this.leaseMs = options.leaseMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  handle(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  async enqueue(kind: string, payload: unknown, options: EnqueueOptions = {}) {
    const id = jobIdFor(options.key);
    const created = await this.options.store.enqueueJob({
      id,
      kind,
      payload: JSON.stringify(payload),
      maxAttempts: this.policy.maxAttempts,
      runAt: this.now(),
    });
    if (created) this.poll();
    return { id, created };
  }

  async start(): Promise<void> {
    if (this.options.recoverOnStart ?? true) {
      const recovered = await this.options.store.requeueRunningJobs();
      if (recovered > 0) this.options.log.warn({ jobs: recovered }, "resuming jobs interrupted by a stop");
    }
    this.running = true;
    this.timer = setInterval(() => this.poll(), this.options.pollIntervalMs ?? 1_000);
    this.timer.unref();
    this.poll();
  }

  async stop(timeoutMs: number): Promise<boolean> {
    this.running = false;
    if (this.timer) clearInterval(this.timer);
    return this.work.drain(timeoutMs);
  }

  async list(states: JobState[], limit: number): Promise<JobView[]> {
    return (await this.options.store.listJobs(states, limit)).map(toView);
  }

  async retry(id: string): Promise<boolean> {
    const done = await this.options.store.retryJob(id);
    if (done) this.poll();
    return done;
  }

  stats(): Promise<JobStats> {
    return this.options.store.jobStats();
  }

  /** Claims as many due jobs as there are free slots; runs again whenever a slot frees up. */
  private poll(): void {
    if (!this.running) return;
    if (this.polling) {
      this.pollAgain = true;
      return;
    }
    this.polling = true;
    void this.claimAndLaunch().finally(() => {
      this.polling = false;
      if (this.pollAgain) {
        this.pollAgain = false;
        this.poll();
      }
    });
  }

  private async claimAndLaunch(): Promise<void> {
    const free = this.concurrency - this.work.size;
    if (free <= 0) return;
    try {
      const jobs = await this.options.store.claimJobs(this.workerId, free, this.leaseMs);
      for (const job of jobs) this.work.start(this.runOne(job));
    } catch (error) {
      this.options.log.error({ err: error }, "could not take jobs from the store; trying again shortly");
    }
  }

  private async runOne(job: JobRecord): Promise<void> {
    const log = this.options.log.child({ jobId: job.id, kind: job.kind, attempt: job.attempts });
    const started = this.now();
    log.info({}, "job started");
    const renew = setInterval(() => {
      this.options.store.renewJobLease(job.id, this.workerId, this.leaseMs).catch((error: unknown) => {
        log.warn({ err: error }, "could not renew the job's lease");
      });
    }, this.leaseMs / 3);
    let result: JobResult;
    try {
      result = await this.attempt(job, log);
    } finally {
      clearInterval(renew);
    }
    this.options.observer?.attemptFinished?.(job.kind, result.outcome, this.now() - started);
    try {
      await this.options.store.finishJob(job.id, this.workerId, this.finishOf(job, result, log));
    } catch (error) {
      // The lease runs out and the job runs again; its handler is idempotent.
      log.error({ err: error }, "could not record the end of a job");
    }
    this.poll();
  }

  private async attempt(job: JobRecord, log: Log): Promise<JobResult> {
    const handler = this.handlers.get(job.kind);
    if (!handler) {
      return {
        outcome: "failed",
        error: { code: "unknown_job_kind", message: `No handler for ${job.kind}` },
      };
    }
    try {
      const payload: unknown = JSON.parse(job.payload);
      return await handler({
        id: job.id,
        kind: job.kind,
        payload,
        attempt: job.attempts,
        maxAttempts: job.maxAttempts,
        createdAt: job.createdAt,
        log,
      });
    } catch (error) {
      // A handler reports failures as results; a throw is unexpected (a bug, the store going away): retry.
      log.error({ err: error }, "job handler threw");
      const message = error instanceof Error ? error.message : String(error);
      return { outcome: "retry", error: { code: "handler_threw", message } };
    }
  }

  private finishOf(job: JobRecord, result: JobResult, log: Log): JobFinish {
    if (result.outcome === "done") return { state: "done" };
    if (result.outcome === "retry" && job.attempts < job.maxAttempts) {
      const { maxAttempts: attempts, baseDelayMs, maxDelayMs } = this.policy;
      const policy = { attempts, baseDelayMs, maxDelayMs };
      const delay = nextDelayMs(job.attempts, result.retryAfterMs, policy, this.options.random);
      log.info({ code: result.error.code, retryInMs: delay }, "job will be tried again");
      return { state: "pending", runAt: this.now() + delay, error: result.error };
    }
    log.warn({ code: result.error.code, attempts: job.attempts }, "job failed for good");
    return { state: "failed", error: result.error };
  }
}

function toView(job: JobRecord): JobView {
  let payload: unknown;
  try {
    payload = JSON.parse(job.payload);
  } catch {
    payload = job.payload;
  }
  return {
    id: job.id,
    kind: job.kind,
    state: job.state,
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    createdAt: job.createdAt,
    ...(job.state === "pending" ? { runAt: job.runAt } : {}),
    ...(job.lastErrorCode ? { lastErrorCode: job.lastErrorCode } : {}),
    ...(job.lastError ? { lastError: job.lastError } : {}),
    payload,
  };
}
