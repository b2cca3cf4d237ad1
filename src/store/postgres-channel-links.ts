/** PostgreSQL SQL for channel links, channel settings and recent exports (schema version 2). */
import type { Sql } from "./postgres-sql.js";
import { CHANNEL_LINK_COLUMNS, type ChannelLinkRow, toChannelLink } from "./rows/channel-link-row.js";
import { RECENT_EXPORT_COLUMNS, type RecentExportRow, toRecentExport } from "./rows/thread-link-row.js";
import type { ChannelLink, RecentExport } from "./store.js";

export async function getChannelLink(sql: Sql, teamId: string, channelId: string) {
  const [row] = await sql.rows<ChannelLinkRow>(
    `SELECT ${CHANNEL_LINK_COLUMNS} FROM channel_links WHERE team_id = $1 AND channel_id = $2`,
    [teamId, channelId],
  );
  return row && toChannelLink(row);
}

export async function saveChannelLink(sql: Sql, link: ChannelLink): Promise<void> {
  await sql.run(
    `INSERT INTO channel_links (${CHANNEL_LINK_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (team_id, channel_id) DO UPDATE SET
       project_path = excluded.project_path, project_id = excluded.project_id,
       linked_by = excluded.linked_by, linked_at = excluded.linked_at`,
    [link.teamId, link.channelId, link.projectPath, link.projectId, link.linkedBy, link.linkedAt],
  );
}

export async function deleteChannelLink(sql: Sql, teamId: string, channelId: string): Promise<boolean> {
  return (
    (await sql.run("DELETE FROM channel_links WHERE team_id = $1 AND channel_id = $2", [teamId, channelId])) >
    0
  );
}

export async function listChannelLinks(sql: Sql, teamId: string): Promise<ChannelLink[]> {
  const rows = await sql.rows<ChannelLinkRow>(
    `SELECT ${CHANNEL_LINK_COLUMNS} FROM channel_links WHERE team_id = $1 ORDER BY linked_at DESC, channel_id`,
    [teamId],
  );
  return rows.map(toChannelLink);
}

export async function listRecentExports(
  sql: Sql,
  teamId: string,
  options: { channelId?: string; limit: number },
): Promise<RecentExport[]> {
  const limit = Math.max(0, Math.floor(options.limit));
  const rows =
    options.channelId === undefined
      ? await sql.rows<RecentExportRow>(
          `SELECT ${RECENT_EXPORT_COLUMNS} FROM thread_links WHERE team_id = $1
           ORDER BY updated_at DESC, thread_ts DESC LIMIT $2`,
          [teamId, limit],
        )
      : await sql.rows<RecentExportRow>(
          `SELECT ${RECENT_EXPORT_COLUMNS} FROM thread_links WHERE team_id = $1 AND channel_id = $2
           ORDER BY updated_at DESC, thread_ts DESC LIMIT $3`,
          [teamId, options.channelId, limit],
        );
  return rows.map(toRecentExport);
}

export async function getNudgesEnabled(sql: Sql, teamId: string, channelId: string) {
  const [row] = await sql.rows<{ nudges_enabled: number | null }>(
    "SELECT nudges_enabled FROM channel_settings WHERE team_id = $1 AND channel_id = $2",
    [teamId, channelId],
  );
  if (!row || row.nudges_enabled === null) return undefined;
  return Number(row.nudges_enabled) === 1;
}

export async function setNudgesEnabled(
  sql: Sql,
  teamId: string,
  channelId: string,
  enabled: boolean,
  now: number,
) {
  await sql.run(
    `INSERT INTO channel_settings (team_id, channel_id, nudges_enabled, updated_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (team_id, channel_id) DO UPDATE SET
       nudges_enabled = excluded.nudges_enabled, updated_at = excluded.updated_at`,
    [teamId, channelId, enabled ? 1 : 0, now],
  );
}
