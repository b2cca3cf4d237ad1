/**
 * The Store over PostgreSQL (node-postgres), for several replicas sharing one database. Same schema and
 * migrations as SQLite; BIGINT columns come back as strings and are converted with Number.
 */
import pg from "pg";
import type { Person } from "../export/thread-types.js";
import type { ChannelNudgeThresholds } from "../nudge/nudge-settings.js";
import type { NudgeThreadState } from "../nudge/thread-state.js";
import { applyPostgresMigrations } from "./apply-postgres-migrations.js";
import type { JobFinish, JobRecord, JobState, JobStats, NewJob } from "./job-records.js";
import { migrations as knownMigrations, type Migration } from "./migrations.js";
import * as links from "./postgres-channel-links.js";
import * as jobs from "./postgres-jobs.js";
import * as nudges from "./postgres-nudges.js";
import * as postBack from "./postgres-post-back.js";
import { describePostgres, type Sql, sqlOver, toStoreError } from "./postgres-sql.js";
import {
  THREAD_LINK_FIELD_COLUMNS,
  type ThreadLinkFieldsRow,
  toThreadLinkWithKey,
} from "./rows/thread-link-row.js";
import { toPerson, USER_COLUMNS, type UserRow } from "./rows/user-row.js";
import { HANDLED_EVENT_CLEANUP_INTERVAL_MS, HANDLED_EVENT_RETENTION_MS } from "./sqlite-store.js";
import type { ChannelLink, PostBackSettings, RecentExport, Store, ThreadLink } from "./store.js";

export interface PostgresStoreOptions {
  now?: () => number;
  migrations?: readonly Migration[];
  /** Connections in the pool (default 10). */
  poolSize?: number;
}

export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<Store> {
  const now = options.now ?? Date.now;
  const label = describePostgres(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 10_000,
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on("error", () => {});
  try {
    await applyPostgresMigrations(pool, options.migrations ?? knownMigrations, { now, label });
  } catch (error) {
    await pool.end().catch(() => {});
    throw toStoreError("open the database", label, error);
  }
  return new PostgresStore(pool, label, now);
}

const NUDGE_CLEANUP_INTERVAL_MS = 60 * 60 * 1000;

export class PostgresStore implements Store {
  private readonly sql: Sql;
  private lastEventCleanup = Number.NEGATIVE_INFINITY;
  private lastNudgeCleanup = Number.NEGATIVE_INFINITY;

  constructor(
    readonly pool: pg.Pool,
    private readonly label: string,
    private readonly now: () => number,
  ) {
    this.sql = sqlOver(pool);
  }

  getThreadLink(teamId: string, channelId: string, threadTs: string): Promise<ThreadLink | undefined> {
    return this.run("read a thread link", async () => {
      const [row] = await this.sql.rows<ThreadLinkFieldsRow>(
        `SELECT ${THREAD_LINK_FIELD_COLUMNS}
         FROM thread_links WHERE team_id = $1 AND channel_id = $2 AND thread_ts = $3`,
        [teamId, channelId, threadTs],
      );
      return row && toThreadLinkWithKey(teamId, channelId, threadTs, row);
    });
  }

  async saveThreadLink(link: ThreadLink): Promise<void> {
    await this.run("save a thread link", () =>
      this.sql.run(
        `INSERT INTO thread_links (team_id, channel_id, thread_ts, project_path, project_id, issue_iid, issue_url,
           issue_title, last_exported_ts, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)
         ON CONFLICT (team_id, channel_id, thread_ts) DO UPDATE SET
           project_path = excluded.project_path, project_id = excluded.project_id, issue_iid = excluded.issue_iid,
           issue_url = excluded.issue_url, issue_title = excluded.issue_title,
           last_exported_ts = excluded.last_exported_ts, updated_at = excluded.updated_at`,
        [
          link.teamId,
          link.channelId,
          link.threadTs,
          link.projectPath,
          link.projectId,
          link.issueIid,
          link.issueUrl,
          link.issueTitle,
          link.lastExportedTs,
          this.now(),
        ],
      ),
    );
  }

  async updateLastExported(teamId: string, channelId: string, threadTs: string, lastExportedTs: string) {
    await this.run("update a thread link", () =>
      this.sql.run(
        `UPDATE thread_links SET last_exported_ts = $1, updated_at = $2
         WHERE team_id = $3 AND channel_id = $4 AND thread_ts = $5`,
        [lastExportedTs, this.now(), teamId, channelId, threadTs],
      ),
    );
  }

  getCachedUser(teamId: string, userId: string, maxAgeMs: number): Promise<Person | undefined> {
    return this.run("read a cached user", async () => {
      const [row] = await this.sql.rows<UserRow>(
        `SELECT ${USER_COLUMNS} FROM slack_users
         WHERE team_id = $1 AND user_id = $2 AND fetched_at >= $3`,
        [teamId, userId, this.now() - maxAgeMs],
      );
      return row && toPerson(row);
    });
  }

  async saveUser(teamId: string, person: Person): Promise<void> {
    await this.run("cache a user", () =>
      this.sql.run(
        `INSERT INTO slack_users (team_id, user_id, name, real_name, time_zone, is_bot, fetched_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (team_id, user_id) DO UPDATE SET
           name = excluded.name, real_name = excluded.real_name, time_zone = excluded.time_zone,
           is_bot = excluded.is_bot, fetched_at = excluded.fetched_at`,
        [
          teamId,
          person.id,
          person.name,
          person.realName ?? null,
          person.timeZone ?? null,
          person.isBot ? 1 : 0,
          this.now(),
        ],
      ),
    );
  }

  claimEvent(eventId: string): Promise<boolean> {
    const now = this.now();
    return this.run("claim an event", async () => {
      if (now - this.lastEventCleanup >= HANDLED_EVENT_CLEANUP_INTERVAL_MS) {
        await this.sql.run("DELETE FROM handled_events WHERE handled_at < $1", [
          now - HANDLED_EVENT_RETENTION_MS,
        ]);
        this.lastEventCleanup = now;
      }
      // The primary key decides between replicas: exactly one INSERT of an id succeeds.
      const inserted = await this.sql.run(
        "INSERT INTO handled_events (event_id, handled_at) VALUES ($1, $2) ON CONFLICT (event_id) DO NOTHING",
        [eventId, now],
      );
      return inserted === 1;
    });
  }

  async releaseEvent(eventId: string): Promise<void> {
    await this.run("release an event", () =>
      this.sql.run("DELETE FROM handled_events WHERE event_id = $1", [eventId]),
    );
  }

  getChannelLink(teamId: string, channelId: string): Promise<ChannelLink | undefined> {
    return this.run("read a channel link", () => links.getChannelLink(this.sql, teamId, channelId));
  }

  saveChannelLink(link: ChannelLink): Promise<void> {
    return this.run("save a channel link", () => links.saveChannelLink(this.sql, link));
  }

  deleteChannelLink(teamId: string, channelId: string): Promise<boolean> {
    return this.run("remove a channel link", () => links.deleteChannelLink(this.sql, teamId, channelId));
  }

  listChannelLinks(teamId: string): Promise<ChannelLink[]> {
    return this.run("list channel links", () => links.listChannelLinks(this.sql, teamId));
  }

  listRecentExports(teamId: string, options: { channelId?: string; limit: number }): Promise<RecentExport[]> {
    return this.run("list recent exports", () => links.listRecentExports(this.sql, teamId, options));
  }

  getNudgesEnabled(teamId: string, channelId: string): Promise<boolean | undefined> {
    return this.run("read a channel setting", () => links.getNudgesEnabled(this.sql, teamId, channelId));
  }

  setNudgesEnabled(teamId: string, channelId: string, enabled: boolean): Promise<void> {
    return this.run("save a channel setting", () =>
      links.setNudgesEnabled(this.sql, teamId, channelId, enabled, this.now()),
    );
  }

  getNudgeThread(teamId: string, channelId: string, threadTs: string): Promise<NudgeThreadState | undefined> {
    return this.run("read a thread's nudge state", () =>
      nudges.getNudgeThread(this.sql, teamId, channelId, threadTs),
    );
  }

  saveNudgeThread(state: NudgeThreadState, expectedLastTs: string | undefined): Promise<boolean> {
    const now = this.now();
    const cleanUp = now - this.lastNudgeCleanup >= NUDGE_CLEANUP_INTERVAL_MS;
    if (cleanUp) this.lastNudgeCleanup = now;
    return this.run("save a thread's nudge state", () =>
      nudges.saveNudgeThread(this.sql, state, expectedLastTs, now, cleanUp),
    );
  }

  getNudgeThresholds(teamId: string, channelId: string): Promise<ChannelNudgeThresholds | undefined> {
    return this.run("read nudge thresholds", () => nudges.getNudgeThresholds(this.sql, teamId, channelId));
  }

  saveNudgeThresholds(teamId: string, channelId: string, thresholds: ChannelNudgeThresholds): Promise<void> {
    return this.run("save nudge thresholds", () =>
      nudges.saveNudgeThresholds(this.sql, teamId, channelId, thresholds, this.now()),
    );
  }

  enqueueJob(job: NewJob): Promise<boolean> {
    return this.run("add a job", () => jobs.enqueueJob(this.sql, job, this.now()));
  }

  claimJobs(workerId: string, limit: number, leaseMs: number): Promise<JobRecord[]> {
    return this.run("claim jobs", () => jobs.claimJobs(this.sql, workerId, limit, leaseMs, this.now()));
  }

  renewJobLease(id: string, workerId: string, leaseMs: number): Promise<boolean> {
    return this.run("renew a job lease", () =>
      jobs.renewJobLease(this.sql, id, workerId, leaseMs, this.now()),
    );
  }

  finishJob(id: string, workerId: string, finish: JobFinish): Promise<void> {
    return this.run("finish a job", () => jobs.finishJob(this.sql, id, workerId, finish, this.now()));
  }

  requeueRunningJobs(): Promise<number> {
    return this.run("requeue interrupted jobs", () => jobs.requeueRunningJobs(this.sql, this.now()));
  }

  getJob(id: string): Promise<JobRecord | undefined> {
    return this.run("read a job", () => jobs.getJob(this.sql, id));
  }

  listJobs(states: JobState[], limit: number): Promise<JobRecord[]> {
    return this.run("list jobs", () => jobs.listJobs(this.sql, states, limit));
  }

  retryJob(id: string): Promise<boolean> {
    return this.run("retry a job", () => jobs.retryJob(this.sql, id, this.now()));
  }

  jobStats(): Promise<JobStats> {
    return this.run("count jobs", () => jobs.jobStats(this.sql));
  }

  listThreadLinksForIssue(projectId: number, issueIid: number): Promise<ThreadLink[]> {
    return this.run("list thread links of an issue", () =>
      postBack.listThreadLinksForIssue(this.sql, projectId, issueIid),
    );
  }

  getPostBackSettings(teamId: string, channelId: string): Promise<PostBackSettings> {
    return this.run("read post-back settings", () =>
      postBack.getPostBackSettings(this.sql, teamId, channelId),
    );
  }

  savePostBackSettings(teamId: string, channelId: string, settings: PostBackSettings): Promise<void> {
    return this.run("save post-back settings", () =>
      postBack.savePostBackSettings(this.sql, teamId, channelId, settings, this.now()),
    );
  }

  markIssueEvent(projectId: number, issueIid: number, atMs: number): Promise<boolean> {
    return this.run("mark an issue event", () =>
      postBack.markIssueEvent(this.sql, projectId, issueIid, atMs),
    );
  }

  async ping(): Promise<void> {
    await this.run("reach the database", () => this.sql.rows("SELECT 1"));
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /** Runs one operation and turns its failure into a StoreError that says what was being done. */
  private async run<T>(operation: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw toStoreError(operation, this.label, error);
    }
  }
}
