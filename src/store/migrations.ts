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
];

/** SQL that creates the bookkeeping table; portable, and safe to run on every start. */
export const createSchemaMigrationsTable = `
CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER NOT NULL PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`;
