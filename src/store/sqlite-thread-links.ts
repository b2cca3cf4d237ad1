/**
 * Thread → issue links in SQLite, with the links (and their absence) kept in memory. The nudges ask for the
 * link of every reply in every thread; this process is the file's only writer (see sqlite-store.ts), so the
 * memory copy stays true as long as every write goes through here.
 */
import type Database from "better-sqlite3";
import { LruMap } from "../util/lru-map.js";
import {
  THREAD_LINK_FIELD_COLUMNS,
  type ThreadLinkFieldsRow,
  toThreadLinkWithKey,
} from "./rows/thread-link-row.js";
import type { ThreadLink } from "./store.js";

/** Links kept in memory: as many as the nudges keep thread states (sqlite-nudge-thread-cache.ts). */
const MAX_CACHED_LINKS = 20_000;

type ThreadKey = [teamId: string, channelId: string, threadTs: string];

export class SqliteThreadLinks {
  private readonly statements: ReturnType<typeof prepare>;
  /** null: the thread has no link. */
  private readonly links = new LruMap<string, ThreadLink | null>(MAX_CACHED_LINKS);

  constructor(db: Database.Database) {
    this.statements = prepare(db);
  }

  get(teamId: string, channelId: string, threadTs: string): ThreadLink | undefined {
    const key = keyOf(teamId, channelId, threadTs);
    if (this.links.has(key)) return copyOf(this.links.get(key));
    const row = this.statements.getLink.get(teamId, channelId, threadTs);
    const link = row && toThreadLinkWithKey(teamId, channelId, threadTs, row);
    this.links.set(key, link ?? null);
    return copyOf(link);
  }

  save(link: ThreadLink, now: number): void {
    const key = keyOf(link.teamId, link.channelId, link.threadTs);
    // Forgotten first: if the write fails, the next read asks the database.
    this.links.delete(key);
    this.statements.upsertLink.run({ ...link, now });
    this.links.set(key, { ...link });
  }

  /** A thread without a link is left alone: there is no issue to keep in step with. */
  updateLastExported(
    teamId: string,
    channelId: string,
    threadTs: string,
    lastExportedTs: string,
    now: number,
  ) {
    const key = keyOf(teamId, channelId, threadTs);
    const cached = this.links.get(key);
    this.links.delete(key);
    this.statements.updateLastExported.run(lastExportedTs, now, teamId, channelId, threadTs);
    if (cached) this.links.set(key, { ...cached, lastExportedTs });
  }
}

function keyOf(teamId: string, channelId: string, threadTs: string): string {
  return `${teamId}\u0000${channelId}\u0000${threadTs}`;
}

/** Links leave as copies, so no caller can change what the memory holds. */
function copyOf(link: ThreadLink | null | undefined): ThreadLink | undefined {
  return link ? { ...link } : undefined;
}

function prepare(db: Database.Database) {
  return {
    getLink: db.prepare<ThreadKey, ThreadLinkFieldsRow>(
      `SELECT ${THREAD_LINK_FIELD_COLUMNS}
       FROM thread_links WHERE team_id = ? AND channel_id = ? AND thread_ts = ?`,
    ),
    upsertLink: db.prepare<[ThreadLink & { now: number }]>(
      `INSERT INTO thread_links (team_id, channel_id, thread_ts, project_path, project_id, issue_iid, issue_url,
         issue_title, last_exported_ts, created_at, updated_at)
       VALUES (@teamId, @channelId, @threadTs, @projectPath, @projectId, @issueIid, @issueUrl, @issueTitle,
         @lastExportedTs, @now, @now)
       ON CONFLICT (team_id, channel_id, thread_ts) DO UPDATE SET
         project_path = excluded.project_path, project_id = excluded.project_id, issue_iid = excluded.issue_iid,
         issue_url = excluded.issue_url, issue_title = excluded.issue_title,
         last_exported_ts = excluded.last_exported_ts, updated_at = excluded.updated_at`,
    ),
    updateLastExported: db.prepare<[string, number, ...ThreadKey]>(
      `UPDATE thread_links SET last_exported_ts = ?, updated_at = ?
       WHERE team_id = ? AND channel_id = ? AND thread_ts = ?`,
    ),
  };
}
