/**
 * The schema, as an ordered list of versioned migrations shared by every store (SQLite now, PostgreSQL later).
 *
 * Rules that keep the SQL portable between SQLite and PostgreSQL:
 * - Types: TEXT, INTEGER (32-bit values such as GitLab ids), BIGINT (epoch milliseconds). No BOOLEAN:
 *   flags are INTEGER 0/1. No AUTOINCREMENT / SERIAL: every key is natural.
 * - Timestamps compared against the clock are epoch milliseconds in BIGINT columns named `*_at`.
 *   Note for PostgreSQL: node-postgres returns BIGINT as a string, so that store must convert it.
 * - Plain CREATE TABLE / CREATE INDEX only; no SQLite pragmas, no WITHOUT ROWID, no STRICT.
 * - Each `up` may hold several statements separated by `;` (both better-sqlite3's exec and PostgreSQL's
 *   simple query protocol accept that). Never edit a released migration: add a new one.
 *
 * The `schema_migrations` table itself is created by each store's migration runner, not listed here; its
 * `applied_at` is ISO 8601 text because only people read it.
 */
export interface Migration {
  /** Strictly increasing, starting at 1. */
  version: number;
  name: string;
  /** DDL run inside one transaction. */
  up: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: "initial_schema",
    up: `
CREATE TABLE thread_links (
  team_id TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  thread_ts TEXT NOT NULL,
  project_path TEXT NOT NULL,
  project_id INTEGER NOT NULL,
  issue_iid INTEGER NOT NULL,
  issue_url TEXT NOT NULL,
  issue_title TEXT NOT NULL,
  last_exported_ts TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (team_id, channel_id, thread_ts)
);

CREATE TABLE slack_users (
  team_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  name TEXT NOT NULL,
  real_name TEXT,
  time_zone TEXT,
  is_bot INTEGER NOT NULL,
  fetched_at BIGINT NOT NULL,
  PRIMARY KEY (team_id, user_id)
);

CREATE TABLE handled_events (
  event_id TEXT NOT NULL PRIMARY KEY,
  handled_at BIGINT NOT NULL
);

CREATE INDEX handled_events_handled_at ON handled_events (handled_at);
`,
  },
  {
    version: 2,
    name: "channel_links_and_settings",
    up: `
CREATE TABLE channel_links (
  team_id TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  project_path TEXT NOT NULL,
  project_id INTEGER NOT NULL,
  linked_by TEXT NOT NULL,
  linked_at BIGINT NOT NULL,
  PRIMARY KEY (team_id, channel_id)
);

CREATE TABLE channel_settings (
  team_id TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  nudges_enabled INTEGER,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (team_id, channel_id)
);

CREATE INDEX thread_links_team_updated ON thread_links (team_id, updated_at);
`,
  },
  {
    version: 3,
    name: "nudges",
    up: `
CREATE TABLE nudge_threads (
  team_id TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  thread_ts TEXT NOT NULL,
  last_ts TEXT NOT NULL,
  last_user TEXT NOT NULL,
  reply_count INTEGER NOT NULL,
  participants TEXT NOT NULL,
  pairs TEXT NOT NULL,
  moved_replies INTEGER NOT NULL,
  moved_since TEXT,
  nudged TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (team_id, channel_id, thread_ts)
);

CREATE INDEX nudge_threads_updated_at ON nudge_threads (updated_at);

CREATE TABLE nudge_settings (
  team_id TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  call_round_trips INTEGER,
  long_thread_replies INTEGER,
  long_thread_participants INTEGER,
  moved_replies INTEGER,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (team_id, channel_id)
);
`,
  },
  {
    version: 4,
    name: "durable_jobs",
    up: `
CREATE TABLE jobs (
  id TEXT NOT NULL PRIMARY KEY,
  kind TEXT NOT NULL,
  payload TEXT NOT NULL,
  state TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  max_attempts INTEGER NOT NULL,
  run_at BIGINT NOT NULL,
  locked_by TEXT,
  locked_until BIGINT,
  last_error_code TEXT,
  last_error TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  finished_at BIGINT
);

CREATE INDEX jobs_state_run_at ON jobs (state, run_at);
`,
  },
  {
    version: 5,
    name: "gitlab_post_back",
    up: `
CREATE INDEX thread_links_issue ON thread_links (project_id, issue_iid);

CREATE TABLE post_back_settings (
  team_id TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  enabled INTEGER,
  confidential_text INTEGER,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (team_id, channel_id)
);

CREATE TABLE issue_event_marks (
  project_id INTEGER NOT NULL,
  issue_iid INTEGER NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (project_id, issue_iid)
);
`,
  },
];

/** SQL that creates the bookkeeping table; portable, and safe to run on every start. */
export const createSchemaMigrationsTable = `
CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER NOT NULL PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`;
