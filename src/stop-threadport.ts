/**
 * The order threadport stops in on SIGTERM, and how long each step may wait: the deadlines are what
 * README.md promises ("20 s at most" for jobs in hand) and what a load balancer must allow (30 s).
 */
import type { JobQueue } from "./jobs/job-queue.js";
import type { Log } from "./util/logger.js";
import type { WorkTracker } from "./util/work-tracker.js";

/** Longest wait for the jobs in hand; any still running are taken up again at the next start. */
export const JOB_DRAIN_MS = 20_000;
/** Longest wait afterwards for work started outside a job (queueing an export, a Slack reply). */
export const WORK_DRAIN_MS = 5_000;

export interface StoppableParts {
  app: { stop(): Promise<unknown> };
  jobs: Pick<JobQueue, "stop">;
  work: WorkTracker;
  store: { close(): Promise<void> };
  log: Log;
}

/** Stops taking requests, waits (within the deadlines) for work in hand, then closes the store. */
export async function stopThreadport({ app, jobs, work, store, log }: StoppableParts): Promise<void> {
  await app.stop();
  const jobsDrained = await jobs.stop(JOB_DRAIN_MS);
  if (!jobsDrained) log.warn({}, "stopped before every job finished; they resume at the next start");
  const drained = await work.drain(WORK_DRAIN_MS);
  if (!drained) log.warn({ inFlight: work.size }, "stopped before every export finished");
  await store.close();
}
