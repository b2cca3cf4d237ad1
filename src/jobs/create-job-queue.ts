/**
 * Picks the job queue that fits the database: the store's own table for SQLite, pg-boss for PostgreSQL.
 * The PostgreSQL parts are loaded only when used: pg-boss and pg are about 16 MB a SQLite install never needs.
 */
import type { Config } from "../config.js";
import { parseDatabaseUrl } from "../store/open-store.js";
import type { Store } from "../store/store.js";
import { KeyedMutex } from "../util/keyed-mutex.js";
import type { Log } from "../util/logger.js";
import type { JobObserver, JobQueue, JobRetryPolicy } from "./job-queue.js";
import type { JobConfig } from "./read-job-config.js";
import { StoreJobQueue } from "./store-job-queue.js";

export interface JobQueueSetup {
  config: Pick<Config, "databaseUrl" | "jobs">;
  store: Store;
  log: Log;
  observer?: JobObserver;
  /** False for a queue that is only looked at (the CLI): no workers, no maintenance. Default true. */
  runner?: boolean;
}

export async function createJobQueue(setup: JobQueueSetup): Promise<JobQueue> {
  const { config, store, log, observer } = setup;
  const retry = retryPolicyOf(config.jobs);
  const target = parseDatabaseUrl(config.databaseUrl);
  if (target.kind === "postgres") {
    const { PgBossJobQueue } = await import("./pg-boss-job-queue.js");
    return new PgBossJobQueue({
      url: target.url,
      log: log.child({ component: "jobs" }),
      concurrency: config.jobs.concurrency,
      retry,
      runner: setup.runner ?? true,
      ...(observer ? { observer } : {}),
    });
  }
  return new StoreJobQueue({
    store,
    log: log.child({ component: "jobs" }),
    concurrency: config.jobs.concurrency,
    retry,
    ...(observer ? { observer } : {}),
  });
}

/** The JOB_* settings as the queues' retry policy; the longest single delay stays the queues' default. */
export function retryPolicyOf(jobs: JobConfig): Partial<JobRetryPolicy> {
  return { maxAttempts: jobs.maxAttempts, baseDelayMs: jobs.retryBaseMs };
}

/** Per-thread export locks: in-process for SQLite, across replicas for PostgreSQL. */
export async function createThreadLocks(store: Store, databaseUrl: string): Promise<KeyedMutex> {
  if (parseDatabaseUrl(databaseUrl).kind !== "postgres") return new KeyedMutex();
  const [{ PostgresStore }, { PgThreadLocks }] = await Promise.all([
    import("../store/postgres-store.js"),
    import("./pg-thread-locks.js"),
  ]);
  return store instanceof PostgresStore ? new PgThreadLocks(store.pool) : new KeyedMutex();
}
