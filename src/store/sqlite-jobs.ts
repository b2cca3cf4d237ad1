/** SQL for durable jobs on SQLite (schema version 4). One process per SQLite file: no row locking needed. */
import type Database from "better-sqlite3";
import {
  DONE_JOB_RETENTION_MS,
  type JobFinish,
  type JobRecord,
  type JobState,
  type JobStats,
  type NewJob,
} from "./job-records.js";
import { clip, type JobRow, statsFromCounts, toJobRecord } from "./rows/job-row.js";

const statementCache = new WeakMap<Database.Database, ReturnType<typeof prepare>>();

function statements(db: Database.Database) {
  let cached = statementCache.get(db);
  if (!cached) {
    cached = prepare(db);
    statementCache.set(db, cached);
  }
  return cached;
}

function prepare(db: Database.Database) {
  return {
    insert: db.prepare<[NewJob & { now: number }]>(
      `INSERT INTO jobs (id, kind, payload, state, attempts, max_attempts, run_at, created_at, updated_at)
       VALUES (@id, @kind, @payload, 'pending', 0, @maxAttempts, @runAt, @now, @now)
       ON CONFLICT (id) DO NOTHING`,
    ),
    due: db.prepare<[number, number, number], { id: string }>(
      `SELECT id FROM jobs
       WHERE (state = 'pending' AND run_at <= ?) OR (state = 'running' AND locked_until < ?)
       ORDER BY run_at, created_at LIMIT ?`,
    ),
    take: db.prepare<[string, number, number, string], JobRow>(
      `UPDATE jobs SET state = 'running', locked_by = ?, locked_until = ?, attempts = attempts + 1,
         updated_at = ? WHERE id = ? RETURNING *`,
    ),
    renew: db.prepare<[number, number, string, string]>(
      `UPDATE jobs SET locked_until = ?, updated_at = ?
       WHERE id = ? AND locked_by = ? AND state = 'running'`,
    ),
    done: db.prepare<[{ now: number; id: string; workerId: string }]>(
      `UPDATE jobs SET state = 'done', locked_by = NULL, locked_until = NULL, updated_at = @now,
         finished_at = @now WHERE id = @id AND locked_by = @workerId AND state = 'running'`,
    ),
    reschedule: db.prepare<[number, string, string, number, string, string]>(
      `UPDATE jobs SET state = 'pending', locked_by = NULL, locked_until = NULL, run_at = ?,
         last_error_code = ?, last_error = ?, updated_at = ?
       WHERE id = ? AND locked_by = ? AND state = 'running'`,
    ),
    fail: db.prepare<[{ code: string; message: string; now: number; id: string; workerId: string }]>(
      `UPDATE jobs SET state = 'failed', locked_by = NULL, locked_until = NULL, last_error_code = @code,
         last_error = @message, updated_at = @now, finished_at = @now
       WHERE id = @id AND locked_by = @workerId AND state = 'running'`,
    ),
    requeue: db.prepare<[number]>(
      `UPDATE jobs SET state = 'pending', locked_by = NULL, locked_until = NULL, updated_at = ?
       WHERE state = 'running'`,
    ),
    get: db.prepare<[string], JobRow>("SELECT * FROM jobs WHERE id = ?"),
    retry: db.prepare<[{ now: number; id: string }]>(
      `UPDATE jobs SET state = 'pending', attempts = 0, run_at = @now, finished_at = NULL, updated_at = @now
       WHERE id = @id AND state = 'failed'`,
    ),
    counts: db.prepare<[], { state: string; count: number; oldest: number | null }>(
      `SELECT state, COUNT(*) AS count, MIN(created_at) AS oldest FROM jobs
       WHERE state IN ('pending', 'running', 'failed') GROUP BY state`,
    ),
    pruneDone: db.prepare<[number]>("DELETE FROM jobs WHERE state = 'done' AND finished_at < ?"),
  };
}

export function enqueueJob(db: Database.Database, job: NewJob, now: number): boolean {
  return statements(db).insert.run({ ...job, now }).changes === 1;
}

export function claimJobs(
  db: Database.Database,
  workerId: string,
  limit: number,
  leaseMs: number,
  now: number,
): JobRecord[] {
  const s = statements(db);
  const claim = db.transaction(() => {
    s.pruneDone.run(now - DONE_JOB_RETENTION_MS);
    const ids = s.due.all(now, now, Math.max(0, Math.floor(limit)));
    return ids.map(({ id }) => s.take.get(workerId, now + leaseMs, now, id)!);
  });
  return claim.immediate().map(toJobRecord);
}

export function renewJobLease(
  db: Database.Database,
  id: string,
  workerId: string,
  leaseMs: number,
  now: number,
): boolean {
  return statements(db).renew.run(now + leaseMs, now, id, workerId).changes === 1;
}

export function finishJob(
  db: Database.Database,
  id: string,
  workerId: string,
  finish: JobFinish,
  now: number,
): void {
  const s = statements(db);
  if (finish.state === "done") s.done.run({ now, id, workerId });
  else if (finish.state === "pending") {
    const { code, message } = finish.error;
    s.reschedule.run(finish.runAt, code, clip(message), now, id, workerId);
  } else s.fail.run({ code: finish.error.code, message: clip(finish.error.message), now, id, workerId });
}

export function requeueRunningJobs(db: Database.Database, now: number): number {
  return statements(db).requeue.run(now).changes;
}

export function getJob(db: Database.Database, id: string): JobRecord | undefined {
  const row = statements(db).get.get(id);
  return row && toJobRecord(row);
}

export function listJobs(db: Database.Database, states: JobState[], limit: number): JobRecord[] {
  if (states.length === 0) return [];
  const marks = states.map(() => "?").join(", ");
  const rows = db
    .prepare<unknown[], JobRow>(
      `SELECT * FROM jobs WHERE state IN (${marks}) ORDER BY created_at DESC, id LIMIT ?`,
    )
    .all(...states, Math.max(0, Math.floor(limit)));
  return rows.map(toJobRecord);
}

export function retryJob(db: Database.Database, id: string, now: number): boolean {
  return statements(db).retry.run({ now, id }).changes === 1;
}

export function jobStats(db: Database.Database): JobStats {
  return statsFromCounts(statements(db).counts.all());
}
