/** The export as a durable job: one attempt of exportThread, with the person told only when it is final. */
import type { ThreadportError } from "../errors.js";
import {
  type ExportDeps,
  type ExportOutcome,
  type ExportRequest,
  exportThread,
} from "../export/export-thread.js";
import type { MarkerFinder } from "../gitlab/gitlab-marker-finder.js";
import { StoreError } from "../store/store-error.js";
import { exactlyOnceTracker } from "./exactly-once-tracker.js";
import type { JobHandler, JobQueue } from "./job-queue.js";

export const EXPORT_JOB = "export";

export interface ExportJobPayload {
  request: ExportRequest;
}

export interface ExportJobDeps {
  /** Everything exportThread needs except the per-attempt parts (log, tracker wrapper, telling policy). */
  exportDeps: Omit<ExportDeps, "log" | "shouldTellRequester">;
  finder: MarkerFinder;
  /** Told every outcome, e.g. for metrics. */
  onOutcome?: (outcome: ExportOutcome) => void;
}

/** Enqueues an export; `key` (the Slack event id) makes a redelivered event map to the same job. */
export function enqueueExport(queue: JobQueue, request: ExportRequest, key?: string) {
  const payload: ExportJobPayload = { request };
  return queue.enqueue(EXPORT_JOB, payload, key === undefined ? {} : { key });
}

export function exportJobHandler(deps: ExportJobDeps): JobHandler {
  return async (job) => {
    const { request } = job.payload as ExportJobPayload;
    const { teamId, channelId, messageTs } = request.location;
    const log = job.log.child({
      teamId,
      channel: channelId,
      ts: messageTs,
      requestedBy: request.requestedBy,
    });
    const final = job.attempt >= job.maxAttempts;
    const tracker = exactlyOnceTracker(deps.exportDeps.tracker, {
      finder: deps.finder,
      jobId: job.id,
      jobCreatedAt: job.createdAt,
      onlyThisJob: request.target?.mode?.kind === "new",
      retried: job.attempt > 1,
      log,
    });
    const outcome = await exportThread(request, {
      ...deps.exportDeps,
      tracker,
      log,
      shouldTellRequester: (error) => final || !isRetryable(error),
      retried: job.attempt > 1,
    });
    deps.onOutcome?.(outcome);
    if (outcome.kind !== "failed") return { outcome: "done" };
    const error = { code: outcome.error.code, message: outcome.error.message };
    if (!isRetryable(outcome.error)) return { outcome: "failed", error };
    const retryAfterMs = outcome.error.details.retryAfterMs;
    return { outcome: "retry", error, ...(typeof retryAfterMs === "number" ? { retryAfterMs } : {}) };
  };
}

/**
 * Slack or GitLab unavailable (5xx, 429, timeouts) and the database gone for a moment may pass; a wrong
 * token, a missing permission or project, a refused request (401, 403, 404, 422, not_in_channel,
 * missing_scope) will not, so retrying them only delays telling the person how to fix it.
 */
export function isRetryable(error: ThreadportError): boolean {
  if (error.transient) return true;
  return (
    error.code === "internal" && error.cause instanceof StoreError && error.cause.code === "store_unavailable"
  );
}
