/**
 * The job queue on PostgreSQL, over pg-boss: replicas share it, and pg-boss's SKIP LOCKED fetch gives each
 * job to one of them. threadport keeps the retry policy (backoff with jitter, Retry-After, permanent errors):
 * - a transient failure completes the pg-boss job and sends its next attempt with `startAfter`;
 * - a final or permanent failure moves the job to the `threadport-failed` queue, which nobody works, where
 *   `threadport jobs` lists it and `threadport jobs retry ID` sends it back;
 * - a job whose process died (kill -9) is found by a reaper: each running job holds a PostgreSQL advisory
 *   lock on its own connection, which the server drops with the connection, so a free lock on an active job
 *   means its worker is gone and pg-boss may run it again. pg-boss's own retries cover that and shutdown.
 */

import pg from "pg";
import PgBoss from "pg-boss";
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
  type JobState,
  type JobStats,
  type JobView,
} from "./job-queue.js";
import { FAILED_QUEUE, type JobData, type JobRow, toView } from "./pg-boss-job-views.js";

const SCHEMA = "pgboss";
/** pg-boss re-runs a job after its worker died or the process stopped mid-job, up to this many times. */
const RECOVERY_RETRIES = 5;
const EXPIRE_SECONDS = 30 * 60;
const REAPER_INTERVAL_MS = 10_000;
/** An active job younger than this is not reaped: its worker may not hold its lock yet. */
const REAPER_GRACE_SECONDS = 10;
const LOCK_SPACE = 8_102_025;

export interface PgBossJobQueueOptions {
  url: string;
  log: Log;
  concurrency?: number;
  retry?: Partial<JobRetryPolicy>;
  observer?: JobObserver;
  /** False: only enqueue, list and retry (the CLI); no workers, no maintenance. */
  runner?: boolean;
  pollingIntervalSeconds?: number;
}

export class PgBossJobQueue implements JobQueue {
  private readonly boss: PgBoss;
  private readonly locks: pg.Pool;
  private readonly handlers = new Map<string, JobHandler>();
  private readonly work = new WorkTracker();
  private readonly policy: JobRetryPolicy;
  private readonly runner: boolean;
  private started = false;
  private reaper: NodeJS.Timeout | undefined;

  constructor(private readonly options: PgBossJobQueueOptions) {
    this.policy = { ...DEFAULT_JOB_RETRY_POLICY, ...options.retry };
    this.runner = options.runner ?? true;
    this.boss = new PgBoss({
      connectionString: options.url,
      schema: SCHEMA,
      supervise: this.runner,
      schedule: false,
      max: 4,
    });
    this.boss.on("error", (error) => options.log.error({ err: error }, "pg-boss reported an error"));
    const concurrency = options.concurrency ?? 4;
    this.locks = new pg.Pool({ connectionString: options.url, max: this.runner ? concurrency + 1 : 1 });
    this.locks.on("error", () => {});
  }

  handle(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  async enqueue(kind: string, payload: unknown, options: EnqueueOptions = {}) {
    await this.ensureStarted();
    const id = jobIdFor(options.key);
    const data: JobData = {
      kind,
      payload,
      chainId: id,
      attempt: 1,
      maxAttempts: this.policy.maxAttempts,
      createdAt: Date.now(),
    };
    const sent = await this.boss.send(queueOf(kind), data, { ...this.sendOptions(), id });
    return { id, created: sent !== null };
  }

  async start(): Promise<void> {
    await this.ensureStarted();
    if (!this.runner) return;
    for (const kind of this.handlers.keys()) {
      for (let i = 0; i < (this.options.concurrency ?? 4); i++) {
        await this.boss.work<JobData>(
          queueOf(kind),
          {
            includeMetadata: true,
            batchSize: 1,
            pollingIntervalSeconds: this.options.pollingIntervalSeconds ?? 1,
          },
          async ([job]) => (job ? this.track(this.runOne(job)) : undefined),
        );
      }
    }
    await this.reap();
    this.reaper = setInterval(() => void this.reap(), REAPER_INTERVAL_MS);
    this.reaper.unref();
  }

  async stop(timeoutMs: number): Promise<boolean> {
    if (this.reaper) clearInterval(this.reaper);
    if (!this.started) {
      await this.locks.end().catch(() => {});
      return true;
    }
    for (const kind of this.handlers.keys()) await this.boss.offWork(queueOf(kind)).catch(() => {});
    const drained = await this.work.drain(timeoutMs);
    // Jobs still running are failed into pg-boss's retry state: another replica, or the next start, resumes them.
    await this.boss.stop({ graceful: false, wait: true });
    await this.locks.end().catch(() => {});
    return drained;
  }

  async list(states: JobState[], limit: number): Promise<JobView[]> {
    await this.ensureStarted();
    const rows = await this.sql<JobRow>(
      `SELECT id, name, state, data, output, created_on, start_after FROM ${SCHEMA}.job
       WHERE name LIKE 'threadport-%' ORDER BY created_on DESC LIMIT 1000`,
    );
    const views = rows.map(toView).filter((view): view is JobView => view !== undefined);
    return views.filter((view) => states.includes(view.state)).slice(0, limit);
  }

  async retry(id: string): Promise<boolean> {
    await this.ensureStarted();
    const dead = await this.boss.getJobById<JobData>(FAILED_QUEUE, id);
    if (dead?.state !== "created") return false;
    const { lastError: _lastError, ...data } = dead.data;
    const again: JobData = { ...data, attempt: 1, createdAt: Date.now() };
    await this.boss.send(queueOf(data.kind), again, {
      ...this.sendOptions(),
      id: jobIdFor(`${id}:retry:${Date.now()}`),
    });
    await this.boss.deleteJob(FAILED_QUEUE, id);
    return true;
  }

  async stats(): Promise<JobStats> {
    await this.ensureStarted();
    const rows = await this.sql<{ name: string; state: string; count: string; oldest: string | null }>(
      `SELECT name, state, COUNT(*) AS count, MIN((data->>'createdAt')::bigint) AS oldest FROM ${SCHEMA}.job
       WHERE name LIKE 'threadport-%' AND state IN ('created', 'retry', 'active', 'failed') GROUP BY name, state`,
    );
    const stats: JobStats = { pending: 0, running: 0, failed: 0 };
    for (const row of rows) {
      const count = Number(row.count);
      if (row.name === FAILED_QUEUE || row.state === "failed") stats.failed += count;
      else if (row.state === "active") stats.running += count;
      else stats.pending += count;
      if (row.name !== FAILED_QUEUE && row.state !== "failed" && row.oldest !== null) {
        stats.oldestWaitingSince = Math.min(
          stats.oldestWaitingSince ?? Number(row.oldest),
          Number(row.oldest),
        );
      }
    }
    return stats;
  }

  private sendOptions(): PgBoss.SendOptions {
    return {
      retryLimit: RECOVERY_RETRIES,
      retryDelay: 5,
      retryBackoff: true,
      expireInSeconds: EXPIRE_SECONDS,
    };
  }

  private async ensureStarted(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await this.boss.start();
    for (const kind of new Set(["export", ...this.handlers.keys()]))
      await this.boss.createQueue(queueOf(kind));
    await this.boss.createQueue(FAILED_QUEUE);
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.work.start(work);
    return work;
  }

  /** One attempt, holding the job's liveness lock; what to do next is decided here, not by pg-boss. */
  private async runOne(job: PgBoss.JobWithMetadata<JobData>): Promise<{ outcome: JobResult["outcome"] }> {
    const data = job.data;
    const log = this.options.log.child({ jobId: data.chainId, kind: data.kind, attempt: data.attempt });
    const client = await this.locks.connect();
    const started = Date.now();
    try {
      await client.query("SELECT pg_advisory_lock($1, hashtext($2))", [LOCK_SPACE, job.id]);
      log.info({ pgBossJob: job.id }, "job started");
      const result = await this.attempt(job, log);
      this.options.observer?.attemptFinished?.(data.kind, result.outcome, Date.now() - started);
      await this.afterAttempt(data, result, log);
      return { outcome: result.outcome };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1, hashtext($2))", [LOCK_SPACE, job.id]).catch(() => {});
      client.release();
    }
  }

  private async attempt(job: PgBoss.JobWithMetadata<JobData>, log: Log): Promise<JobResult> {
    const { data } = job;
    const handler = this.handlers.get(data.kind);
    if (!handler)
      return {
        outcome: "failed",
        error: { code: "unknown_job_kind", message: `No handler for ${data.kind}` },
      };
    try {
      return await handler({
        id: data.chainId,
        kind: data.kind,
        payload: data.payload,
        // A run after a crash or stop counts as another attempt, so the handler checks what was written.
        attempt: data.attempt + job.retryCount,
        maxAttempts: data.maxAttempts,
        createdAt: data.createdAt,
        log,
      });
    } catch (error) {
      log.error({ err: error }, "job handler threw");
      return { outcome: "retry", error: { code: "handler_threw", message: String(error) } };
    }
  }

  private async afterAttempt(data: JobData, result: JobResult, log: Log): Promise<void> {
    if (result.outcome === "done") return;
    if (result.outcome === "retry" && data.attempt < data.maxAttempts) {
      const { maxAttempts: attempts, baseDelayMs, maxDelayMs } = this.policy;
      const delay = nextDelayMs(data.attempt, result.retryAfterMs, { attempts, baseDelayMs, maxDelayMs });
      log.info({ code: result.error.code, retryInMs: delay }, "job will be tried again");
      const next: JobData = { ...data, attempt: data.attempt + 1, lastError: result.error };
      // The id follows from the chain and attempt: sent twice (after a crash), it is still one job.
      await this.boss.send(queueOf(data.kind), next, {
        ...this.sendOptions(),
        id: jobIdFor(`${data.chainId}:${next.attempt}`),
        startAfter: new Date(Date.now() + delay),
      });
      return;
    }
    log.warn({ code: result.error.code, attempts: data.attempt }, "job failed for good");
    await this.boss.send(
      FAILED_QUEUE,
      { ...data, lastError: result.error },
      {
        id: jobIdFor(`${data.chainId}:failed:${data.attempt}`),
        retryLimit: 0,
        retentionDays: 30,
      },
    );
  }

  /** Finds active jobs whose worker is gone (their lock is free) and hands them back to pg-boss to retry. */
  private async reap(): Promise<void> {
    try {
      const active = await this.sql<{ id: string; name: string }>(
        `SELECT id, name FROM ${SCHEMA}.job WHERE name LIKE 'threadport-%' AND state = 'active'
         AND started_on < now() - interval '${REAPER_GRACE_SECONDS} seconds'`,
      );
      if (active.length === 0) return;
      const client = await this.locks.connect();
      try {
        for (const job of active) {
          const { rows } = await client.query<{ free: boolean }>(
            "SELECT pg_try_advisory_lock($1, hashtext($2)) AS free",
            [LOCK_SPACE, job.id],
          );
          if (!rows[0]?.free) continue;
          await client.query("SELECT pg_advisory_unlock($1, hashtext($2))", [LOCK_SPACE, job.id]);
          this.options.log.warn({ pgBossJob: job.id }, "resuming a job whose process stopped");
          await this.boss.fail(job.name, job.id, { message: "its process stopped while running it" });
        }
      } finally {
        client.release();
      }
    } catch (error) {
      this.options.log.warn({ err: error }, "could not look for interrupted jobs");
    }
  }

  private async sql<R>(text: string, values: unknown[] = []): Promise<R[]> {
    return (await this.boss.getDb().executeSql(text, values)).rows as R[];
  }
}

function queueOf(kind: string): string {
  return `threadport-${kind}`;
}
