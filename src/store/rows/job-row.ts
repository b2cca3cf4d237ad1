/** jobs rows → JobRecord / JobStats, shared by the SQLite and PostgreSQL stores. */
import type { JobRecord, JobState, JobStats } from "../job-records.js";

export interface JobRow {
  id: string;
  kind: string;
  payload: string;
  state: string;
  attempts: number | string;
  max_attempts: number | string;
  run_at: number | string;
  locked_by: string | null;
  locked_until: number | string | null;
  last_error_code: string | null;
  last_error: string | null;
  created_at: number | string;
  updated_at: number | string;
  finished_at: number | string | null;
}

/** Longest error text kept per job; the logs have the rest. */
const ERROR_TEXT_LIMIT = 2000;

/** Folds per-state counts into JobStats. */
export function statsFromCounts(
  rows: { state: string; count: number | string; oldest: number | string | null }[],
): JobStats {
  const stats: JobStats = { pending: 0, running: 0, failed: 0 };
  for (const row of rows) {
    const count = Number(row.count);
    if (row.state === "pending" || row.state === "running" || row.state === "failed") {
      stats[row.state] = count;
    }
    if ((row.state === "pending" || row.state === "running") && row.oldest !== null) {
      const oldest = Number(row.oldest);
      stats.oldestWaitingSince = Math.min(stats.oldestWaitingSince ?? oldest, oldest);
    }
  }
  return stats;
}

/** Row → record; numbers arrive as strings from PostgreSQL's BIGINT, so every one goes through Number. */
export function toJobRecord(row: JobRow): JobRecord {
  const job: JobRecord = {
    id: row.id,
    kind: row.kind,
    payload: row.payload,
    state: row.state as JobState,
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    runAt: Number(row.run_at),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
  if (row.locked_by !== null) job.lockedBy = row.locked_by;
  if (row.locked_until !== null) job.lockedUntil = Number(row.locked_until);
  if (row.last_error_code !== null) job.lastErrorCode = row.last_error_code;
  if (row.last_error !== null) job.lastError = row.last_error;
  if (row.finished_at !== null) job.finishedAt = Number(row.finished_at);
  return job;
}

export function clip(text: string): string {
  return text.length > ERROR_TEXT_LIMIT ? `${text.slice(0, ERROR_TEXT_LIMIT - 1)}…` : text;
}
