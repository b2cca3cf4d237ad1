import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { Person } from "../export/thread-types.js";
import type { ChannelNudgeThresholds } from "../nudge/nudge-settings.js";
import type { NudgeThreadState } from "../nudge/thread-state.js";
import { applySqliteMigrations } from "./apply-sqlite-migrations.js";
import type { JobFinish, JobRecord, JobState, JobStats, NewJob } from "./job-records.js";
import { migrations as knownMigrations, type Migration } from "./migrations.js";
import { toPerson, USER_COLUMNS, type UserRow } from "./rows/user-row.js";
import * as channelLinks from "./sqlite-channel-links.js";
import * as jobs from "./sqlite-jobs.js";
import * as nudges from "./sqlite-nudges.js";
import * as postBack from "./sqlite-post-back.js";
import { SqliteThreadLinks } from "./sqlite-thread-links.js";
import type { ChannelLink, PostBackSettings, RecentExport, Store, ThreadLink } from "./store.js";
import { StoreError } from "./store-error.js";

/** Slack retries an event for about 5 minutes; a week of ids is ample and keeps the table small. */
export const HANDLED_EVENT_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;
/** Old event ids are deleted at most this often, on a claim, so that most claims stay a single insert. */
export const HANDLED_EVENT_CLEANUP_INTERVAL_MS = 60 * 60 * 1000;
/** How long a write waits for another process's lock before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

export interface SqliteStoreOptions {
  /** Clock in epoch milliseconds; tests pass a fake one. */
  now?: () => number;
  /** Replaces the built-in migrations; for tests of the migration runner. */
  migrations?: readonly Migration[];
}

/** Opens (creating if needed) a SQLite database file, or ":memory:", and migrates it to the newest schema. */
export async function openSqliteStore(filePath: string, options: SqliteStoreOptions = {}): Promise<Store> {
  const now = options.now ?? Date.now;
  const label = describeDatabase(filePath);
  const db = openDatabase(filePath, label);
  try {
    applySqliteMigrations(db, options.migrations ?? knownMigrations, { now, label });
    return new SqliteStore(db, now);
  } catch (error) {
    db.close();
    throw error;
  }
}

function describeDatabase(filePath: string): string {
  return filePath === ":memory:"
    ? "the in-memory SQLite database"
    : `the SQLite database ${path.resolve(filePath)}`;
}

function openDatabase(filePath: string, label: string): Database.Database {
  if (filePath !== ":memory:") ensureParentDirectory(filePath, label);
  let db: Database.Database | undefined;
  try {
    db = new Database(filePath);
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // WAL lets readers and a writer work at once; NORMAL sync is crash-safe in WAL mode and much faster.
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    return db;
  } catch (error) {
    db?.close();
    throw new StoreError("store_unavailable", openFailureMessage(label, error), error);
  }
}

function ensureParentDirectory(filePath: string, label: string): void {
  const directory = path.dirname(path.resolve(filePath));
  try {
    fs.mkdirSync(directory, { recursive: true });
  } catch (error) {
    throw new StoreError(
      "store_unavailable",
      `Cannot create the directory ${directory} for ${label}: ${messageOf(error)}. Check DATABASE_URL and that ` +
        "threadport may create and write files there.",
      error,
    );
  }
}

function openFailureMessage(label: string, error: unknown): string {
  const code = sqliteCode(error);
  if (code === "SQLITE_NOTADB") {
    return `Cannot open ${label}: the file is not a SQLite database. Check DATABASE_URL: it must name a threadport database file or a path where one can be created.`;
  }
  if (code === "SQLITE_CANTOPEN") {
    return `Cannot open ${label}: unable to open the file. Check DATABASE_URL (it must name a file, not a directory) and that threadport may read and write the file and its directory.`;
  }
  return `Cannot open ${label}: ${messageOf(error)}. Check DATABASE_URL and the permissions of the file and its directory.`;
}

/** The Store over better-sqlite3. The driver is synchronous; the async methods only fit the Store interface. */
export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly now: () => number;
  private readonly statements: ReturnType<typeof prepareStatements>;
  private lastCleanupAt = Number.NEGATIVE_INFINITY;
  private readonly links: SqliteThreadLinks;

  constructor(db: Database.Database, now: () => number) {
    this.db = db;
    this.now = now;
    this.statements = prepareStatements(db);
    this.links = new SqliteThreadLinks(db);
  }

  async getThreadLink(teamId: string, channelId: string, threadTs: string): Promise<ThreadLink | undefined> {
    return this.run("read a thread link", () => this.links.get(teamId, channelId, threadTs));
  }

  async saveThreadLink(link: ThreadLink): Promise<void> {
    this.run("save a thread link", () => this.links.save(link, this.now()));
  }

  async updateLastExported(
    teamId: string,
    channelId: string,
    threadTs: string,
    lastExportedTs: string,
  ): Promise<void> {
    this.run("update a thread link", () =>
      this.links.updateLastExported(teamId, channelId, threadTs, lastExportedTs, this.now()),
    );
  }

  async getCachedUser(teamId: string, userId: string, maxAgeMs: number): Promise<Person | undefined> {
    const oldest = this.now() - maxAgeMs;
    const row = this.run("read a cached user", () => this.statements.getUser.get(teamId, userId, oldest));
    return row && toPerson(row);
  }

  async saveUser(teamId: string, person: Person): Promise<void> {
    const row = {
      teamId,
      userId: person.id,
      name: person.name,
      realName: person.realName ?? null,
      timeZone: person.timeZone ?? null,
      isBot: person.isBot ? 1 : 0,
      fetchedAt: this.now(),
    };
    this.run("cache a user", () => this.statements.upsertUser.run(row));
  }

  async claimEvent(eventId: string): Promise<boolean> {
    const now = this.now();
    return this.run("claim an event", () => {
      this.deleteOldEventsIfDue(now);
      return this.statements.claimEvent.run(eventId, now).changes === 1;
    });
  }

  async releaseEvent(eventId: string): Promise<void> {
    this.run("release an event", () => this.statements.releaseEvent.run(eventId));
  }

  async getChannelLink(teamId: string, channelId: string): Promise<ChannelLink | undefined> {
    return this.run("read a channel link", () => channelLinks.getChannelLink(this.db, teamId, channelId));
  }

  async saveChannelLink(link: ChannelLink): Promise<void> {
    this.run("save a channel link", () => channelLinks.saveChannelLink(this.db, link));
  }

  async deleteChannelLink(teamId: string, channelId: string): Promise<boolean> {
    return this.run("remove a channel link", () =>
      channelLinks.deleteChannelLink(this.db, teamId, channelId),
    );
  }

  async listChannelLinks(teamId: string): Promise<ChannelLink[]> {
    return this.run("list channel links", () => channelLinks.listChannelLinks(this.db, teamId));
  }

  async listRecentExports(
    teamId: string,
    options: { channelId?: string; limit: number },
  ): Promise<RecentExport[]> {
    return this.run("list recent exports", () => channelLinks.listRecentExports(this.db, teamId, options));
  }

  async getNudgesEnabled(teamId: string, channelId: string): Promise<boolean | undefined> {
    return this.run("read a channel setting", () =>
      channelLinks.getNudgesEnabled(this.db, teamId, channelId),
    );
  }

  async setNudgesEnabled(teamId: string, channelId: string, enabled: boolean): Promise<void> {
    this.run("save a channel setting", () =>
      channelLinks.setNudgesEnabled(this.db, teamId, channelId, enabled, this.now()),
    );
  }

  async getNudgeThread(
    teamId: string,
    channelId: string,
    threadTs: string,
  ): Promise<NudgeThreadState | undefined> {
    return this.run("read a thread's nudge state", () =>
      nudges.getNudgeThread(this.db, teamId, channelId, threadTs),
    );
  }

  async saveNudgeThread(state: NudgeThreadState, expectedLastTs: string | undefined): Promise<boolean> {
    return this.run("save a thread's nudge state", () =>
      nudges.saveNudgeThread(this.db, state, expectedLastTs, this.now()),
    );
  }

  async getNudgeThresholds(teamId: string, channelId: string): Promise<ChannelNudgeThresholds | undefined> {
    return this.run("read nudge thresholds", () => nudges.getNudgeThresholds(this.db, teamId, channelId));
  }

  async saveNudgeThresholds(
    teamId: string,
    channelId: string,
    thresholds: ChannelNudgeThresholds,
  ): Promise<void> {
    this.run("save nudge thresholds", () =>
      nudges.saveNudgeThresholds(this.db, teamId, channelId, thresholds, this.now()),
    );
  }

  async enqueueJob(job: NewJob): Promise<boolean> {
    return this.run("add a job", () => jobs.enqueueJob(this.db, job, this.now()));
  }

  async claimJobs(workerId: string, limit: number, leaseMs: number): Promise<JobRecord[]> {
    return this.run("claim jobs", () => jobs.claimJobs(this.db, workerId, limit, leaseMs, this.now()));
  }

  async renewJobLease(id: string, workerId: string, leaseMs: number): Promise<boolean> {
    return this.run("renew a job lease", () =>
      jobs.renewJobLease(this.db, id, workerId, leaseMs, this.now()),
    );
  }

  async finishJob(id: string, workerId: string, finish: JobFinish): Promise<void> {
    this.run("finish a job", () => jobs.finishJob(this.db, id, workerId, finish, this.now()));
  }

  async requeueRunningJobs(): Promise<number> {
    return this.run("requeue interrupted jobs", () => jobs.requeueRunningJobs(this.db, this.now()));
  }

  async getJob(id: string): Promise<JobRecord | undefined> {
    return this.run("read a job", () => jobs.getJob(this.db, id));
  }

  async listJobs(states: JobState[], limit: number): Promise<JobRecord[]> {
    return this.run("list jobs", () => jobs.listJobs(this.db, states, limit));
  }

  async retryJob(id: string): Promise<boolean> {
    return this.run("retry a job", () => jobs.retryJob(this.db, id, this.now()));
  }

  async jobStats(): Promise<JobStats> {
    return this.run("count jobs", () => jobs.jobStats(this.db));
  }

  async listThreadLinksForIssue(projectId: number, issueIid: number): Promise<ThreadLink[]> {
    return this.run("list thread links of an issue", () =>
      postBack.listThreadLinksForIssue(this.db, projectId, issueIid),
    );
  }

  async getPostBackSettings(teamId: string, channelId: string): Promise<PostBackSettings> {
    return this.run("read post-back settings", () =>
      postBack.getPostBackSettings(this.db, teamId, channelId),
    );
  }

  async savePostBackSettings(teamId: string, channelId: string, settings: PostBackSettings): Promise<void> {
    return this.run("save post-back settings", () =>
      postBack.savePostBackSettings(this.db, teamId, channelId, settings, this.now()),
    );
  }

  async markIssueEvent(projectId: number, issueIid: number, atMs: number): Promise<boolean> {
    return this.run("mark an issue event", () => postBack.markIssueEvent(this.db, projectId, issueIid, atMs));
  }

  async ping(): Promise<void> {
    this.run("reach the database", () => this.db.prepare("SELECT 1").get());
  }

  async close(): Promise<void> {
    // Thread states are written in batches (sqlite-nudge-thread-cache.ts): the last batch goes now.
    this.run("save pending nudge states", () => nudges.flushNudgeThreads(this.db));
    this.db.close();
  }

  private deleteOldEventsIfDue(now: number): void {
    if (now - this.lastCleanupAt < HANDLED_EVENT_CLEANUP_INTERVAL_MS) return;
    this.statements.deleteOldEvents.run(now - HANDLED_EVENT_RETENTION_MS);
    this.lastCleanupAt = now;
  }

  /** Runs one driver call and turns its failure into a StoreError that says what was being done. */
  private run<T>(operation: string, call: () => T): T {
    try {
      return call();
    } catch (error) {
      throw toStoreError(operation, error);
    }
  }
}

function prepareStatements(db: Database.Database) {
  return {
    getUser: db.prepare<[string, string, number], UserRow>(
      `SELECT ${USER_COLUMNS} FROM slack_users
       WHERE team_id = ? AND user_id = ? AND fetched_at >= ?`,
    ),
    upsertUser: db.prepare<[Record<string, string | number | null>]>(
      `INSERT INTO slack_users (team_id, user_id, name, real_name, time_zone, is_bot, fetched_at)
       VALUES (@teamId, @userId, @name, @realName, @timeZone, @isBot, @fetchedAt)
       ON CONFLICT (team_id, user_id) DO UPDATE SET
         name = excluded.name, real_name = excluded.real_name, time_zone = excluded.time_zone,
         is_bot = excluded.is_bot, fetched_at = excluded.fetched_at`,
    ),
    claimEvent: db.prepare<[string, number]>(
      "INSERT INTO handled_events (event_id, handled_at) VALUES (?, ?) ON CONFLICT (event_id) DO NOTHING",
    ),
    releaseEvent: db.prepare<[string]>("DELETE FROM handled_events WHERE event_id = ?"),
    deleteOldEvents: db.prepare<[number]>("DELETE FROM handled_events WHERE handled_at < ?"),
  };
}

/** Lock, disk and file problems mean the database is unusable right now; anything else is a failed query. */
const UNAVAILABLE_CODES = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|READONLY|CANTOPEN|CORRUPT|NOTADB)/;

function toStoreError(operation: string, error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const code = sqliteCode(error);
  if (code?.startsWith("SQLITE_BUSY") || code?.startsWith("SQLITE_LOCKED")) {
    return new StoreError(
      "store_unavailable",
      `Could not ${operation}: the SQLite database stayed locked by another process for ${BUSY_TIMEOUT_MS} ms. ` +
        "Run one threadport per SQLite file, or use PostgreSQL for several replicas.",
      error,
    );
  }
  if (code && UNAVAILABLE_CODES.test(code)) {
    return new StoreError(
      "store_unavailable",
      `Could not ${operation}: ${messageOf(error)}. Check free disk space and the permissions of the database file.`,
      error,
    );
  }
  if (error instanceof TypeError && /not open/.test(error.message)) {
    return new StoreError(
      "store_unavailable",
      `Could not ${operation}: the store was already closed.`,
      error,
    );
  }
  return new StoreError("query_failed", `Could not ${operation}: ${messageOf(error)}.`, error);
}

function sqliteCode(error: unknown): string | undefined {
  return error instanceof Database.SqliteError ? error.code : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
