/** SQL for durable jobs on PostgreSQL (schema version 4); several processes may claim at once. */
import {
  DONE_JOB_RETENTION_MS,
  type JobFinish,
  type JobRecord,
  type JobState,
  type JobStats,
  type NewJob,
} from "./job-records.js";
import type { Sql } from "./postgres-sql.js";
import { clip, type JobRow, statsFromCounts, toJobRecord } from "./rows/job-row.js";

export async function enqueueJob(sql: Sql, job: NewJob, now: number): Promise<boolean> {
  const result = await sql.run(
    `INSERT INTO jobs (id, kind, payload, state, attempts, max_attempts, run_at, created_at, updated_at)
     VALUES ($1, $2, $3, 'pending', 0, $4, $5, $6, $6) ON CONFLICT (id) DO NOTHING`,
    [job.id, job.kind, job.payload, job.maxAttempts, job.runAt, now],
  );
  return result === 1;
}

export async function claimJobs(
  sql: Sql,
  workerId: string,
  limit: number,
  leaseMs: number,
  now: number,
): Promise<JobRecord[]> {
  await sql.run("DELETE FROM jobs WHERE state = 'done' AND finished_at < $1", [now - DONE_JOB_RETENTION_MS]);
  // SKIP LOCKED: two workers claiming at once each get different jobs.
  const rows = await sql.rows<JobRow>(
    `WITH due AS (
       SELECT id FROM jobs
       WHERE (state = 'pending' AND run_at <= $1) OR (state = 'running' AND locked_until < $1)
       ORDER BY run_at, created_at LIMIT $2 FOR UPDATE SKIP LOCKED)
     UPDATE jobs SET state = 'running', locked_by = $3, locked_until = $4, attempts = jobs.attempts + 1,
       updated_at = $1
     FROM due WHERE jobs.id = due.id RETURNING jobs.*`,
    [now, Math.max(0, Math.floor(limit)), workerId, now + leaseMs],
  );
  return rows.map(toJobRecord);
}

export async function renewJobLease(
  sql: Sql,
  id: string,
  workerId: string,
  leaseMs: number,
  now: number,
): Promise<boolean> {
  const changed = await sql.run(
    "UPDATE jobs SET locked_until = $1, updated_at = $2 WHERE id = $3 AND locked_by = $4 AND state = 'running'",
    [now + leaseMs, now, id, workerId],
  );
  return changed === 1;
}

export async function finishJob(
  sql: Sql,
  id: string,
  workerId: string,
  finish: JobFinish,
  now: number,
): Promise<void> {
  const held = "WHERE id = $1 AND locked_by = $2 AND state = 'running'";
  if (finish.state === "done") {
    await sql.run(
      `UPDATE jobs SET state = 'done', locked_by = NULL, locked_until = NULL, updated_at = $3, finished_at = $3 ${held}`,
      [id, workerId, now],
    );
  } else if (finish.state === "pending") {
    await sql.run(
      `UPDATE jobs SET state = 'pending', locked_by = NULL, locked_until = NULL, run_at = $3, last_error_code = $4,
         last_error = $5, updated_at = $6 ${held}`,
      [id, workerId, finish.runAt, finish.error.code, clip(finish.error.message), now],
    );
  } else {
    await sql.run(
      `UPDATE jobs SET state = 'failed', locked_by = NULL, locked_until = NULL, last_error_code = $3,
         last_error = $4, updated_at = $5, finished_at = $5 ${held}`,
      [id, workerId, finish.error.code, clip(finish.error.message), now],
    );
  }
}

export function requeueRunningJobs(sql: Sql, now: number): Promise<number> {
  return sql.run(
    "UPDATE jobs SET state = 'pending', locked_by = NULL, locked_until = NULL, updated_at = $1 WHERE state = 'running'",
    [now],
  );
}

export async function getJob(sql: Sql, id: string): Promise<JobRecord | undefined> {
  const [row] = await sql.rows<JobRow>("SELECT * FROM jobs WHERE id = $1", [id]);
  return row && toJobRecord(row);
}

export async function listJobs(sql: Sql, states: JobState[], limit: number): Promise<JobRecord[]> {
  const rows = await sql.rows<JobRow>(
    "SELECT * FROM jobs WHERE state = ANY($1) ORDER BY created_at DESC, id LIMIT $2",
    [states, Math.max(0, Math.floor(limit))],
  );
  return rows.map(toJobRecord);
}

export async function retryJob(sql: Sql, id: string, now: number): Promise<boolean> {
  const changed = await sql.run(
    `UPDATE jobs SET state = 'pending', attempts = 0, run_at = $1, finished_at = NULL, updated_at = $1
     WHERE id = $2 AND state = 'failed'`,
    [now, id],
  );
  return changed === 1;
}

export async function jobStats(sql: Sql): Promise<JobStats> {
  return statsFromCounts(
    await sql.rows(
      `SELECT state, COUNT(*) AS count, MIN(created_at) AS oldest FROM jobs
       WHERE state IN ('pending', 'running', 'failed') GROUP BY state`,
    ),
  );
}
