/** SQL for channel → project links, channel settings and the list of recent exports (schema version 2). */
import type Database from "better-sqlite3";
import { CHANNEL_LINK_COLUMNS, type ChannelLinkRow, toChannelLink } from "./rows/channel-link-row.js";
import { RECENT_EXPORT_COLUMNS, type RecentExportRow, toRecentExport } from "./rows/thread-link-row.js";
import type { ChannelLink, RecentExport } from "./store.js";

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
    getLink: db.prepare<[string, string], ChannelLinkRow>(
      `SELECT ${CHANNEL_LINK_COLUMNS} FROM channel_links WHERE team_id = ? AND channel_id = ?`,
    ),
    upsertLink: db.prepare<[ChannelLink]>(
      `INSERT INTO channel_links (${CHANNEL_LINK_COLUMNS})
       VALUES (@teamId, @channelId, @projectPath, @projectId, @linkedBy, @linkedAt)
       ON CONFLICT (team_id, channel_id) DO UPDATE SET
         project_path = excluded.project_path, project_id = excluded.project_id,
         linked_by = excluded.linked_by, linked_at = excluded.linked_at`,
    ),
    deleteLink: db.prepare<[string, string]>(
      "DELETE FROM channel_links WHERE team_id = ? AND channel_id = ?",
    ),
    listLinks: db.prepare<[string], ChannelLinkRow>(
      `SELECT ${CHANNEL_LINK_COLUMNS} FROM channel_links WHERE team_id = ? ORDER BY linked_at DESC, channel_id`,
    ),
    recentInTeam: db.prepare<[string, number], RecentExportRow>(
      `SELECT ${RECENT_EXPORT_COLUMNS} FROM thread_links WHERE team_id = ?
       ORDER BY updated_at DESC, thread_ts DESC LIMIT ?`,
    ),
    recentInChannel: db.prepare<[string, string, number], RecentExportRow>(
      `SELECT ${RECENT_EXPORT_COLUMNS} FROM thread_links WHERE team_id = ? AND channel_id = ?
       ORDER BY updated_at DESC, thread_ts DESC LIMIT ?`,
    ),
    getNudges: db.prepare<[string, string], { nudges_enabled: number | null }>(
      "SELECT nudges_enabled FROM channel_settings WHERE team_id = ? AND channel_id = ?",
    ),
    setNudges: db.prepare<[string, string, number, number]>(
      `INSERT INTO channel_settings (team_id, channel_id, nudges_enabled, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (team_id, channel_id) DO UPDATE SET
         nudges_enabled = excluded.nudges_enabled, updated_at = excluded.updated_at`,
    ),
  };
}

export function getChannelLink(
  db: Database.Database,
  teamId: string,
  channelId: string,
): ChannelLink | undefined {
  const row = statements(db).getLink.get(teamId, channelId);
  return row && toChannelLink(row);
}

export function saveChannelLink(db: Database.Database, link: ChannelLink): void {
  const { teamId, channelId, projectPath, projectId, linkedBy, linkedAt } = link;
  statements(db).upsertLink.run({ teamId, channelId, projectPath, projectId, linkedBy, linkedAt });
}

export function deleteChannelLink(db: Database.Database, teamId: string, channelId: string): boolean {
  return statements(db).deleteLink.run(teamId, channelId).changes > 0;
}

export function listChannelLinks(db: Database.Database, teamId: string): ChannelLink[] {
  return statements(db).listLinks.all(teamId).map(toChannelLink);
}

export function listRecentExports(
  db: Database.Database,
  teamId: string,
  options: { channelId?: string; limit: number },
): RecentExport[] {
  const limit = Math.max(0, Math.floor(options.limit));
  const rows =
    options.channelId === undefined
      ? statements(db).recentInTeam.all(teamId, limit)
      : statements(db).recentInChannel.all(teamId, options.channelId, limit);
  return rows.map(toRecentExport);
}

export function getNudgesEnabled(
  db: Database.Database,
  teamId: string,
  channelId: string,
): boolean | undefined {
  const row = statements(db).getNudges.get(teamId, channelId);
  if (!row || row.nudges_enabled === null) return undefined;
  return row.nudges_enabled === 1;
}

export function setNudgesEnabled(
  db: Database.Database,
  teamId: string,
  channelId: string,
  enabled: boolean,
  now: number,
): void {
  statements(db).setNudges.run(teamId, channelId, enabled ? 1 : 0, now);
}
