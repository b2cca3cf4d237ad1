/** PostgreSQL SQL for posting GitLab events back to Slack threads (schema version 5). */
import type { Sql } from "./postgres-sql.js";
import { flag, type PostBackSettingsRow, toSettings } from "./rows/post-back-settings-row.js";
import { THREAD_LINK_COLUMNS, type ThreadLinkRow, toThreadLink } from "./rows/thread-link-row.js";
import type { PostBackSettings, ThreadLink } from "./store.js";

export async function listThreadLinksForIssue(
  sql: Sql,
  projectId: number,
  issueIid: number,
): Promise<ThreadLink[]> {
  const rows = await sql.rows<ThreadLinkRow>(
    `SELECT ${THREAD_LINK_COLUMNS}
     FROM thread_links WHERE project_id = $1 AND issue_iid = $2 ORDER BY created_at, channel_id, thread_ts`,
    [projectId, issueIid],
  );
  return rows.map(toThreadLink);
}

export async function getPostBackSettings(
  sql: Sql,
  teamId: string,
  channelId: string,
): Promise<PostBackSettings> {
  const [row] = await sql.rows<PostBackSettingsRow>(
    "SELECT enabled, confidential_text FROM post_back_settings WHERE team_id = $1 AND channel_id = $2",
    [teamId, channelId],
  );
  return toSettings(row);
}

export async function savePostBackSettings(
  sql: Sql,
  teamId: string,
  channelId: string,
  settings: PostBackSettings,
  now: number,
): Promise<void> {
  await sql.run(
    `INSERT INTO post_back_settings (team_id, channel_id, enabled, confidential_text, updated_at)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (team_id, channel_id) DO UPDATE SET
       enabled = COALESCE(excluded.enabled, post_back_settings.enabled),
       confidential_text = COALESCE(excluded.confidential_text, post_back_settings.confidential_text),
       updated_at = excluded.updated_at`,
    [teamId, channelId, flag(settings.enabled), flag(settings.confidentialText), now],
  );
}

export async function markIssueEvent(
  sql: Sql,
  projectId: number,
  issueIid: number,
  atMs: number,
): Promise<boolean> {
  const [row] = await sql.rows<{ updated_at: string | number }>(
    `INSERT INTO issue_event_marks (project_id, issue_iid, updated_at) VALUES ($1, $2, $3)
     ON CONFLICT (project_id, issue_iid) DO UPDATE SET
       updated_at = GREATEST(issue_event_marks.updated_at, excluded.updated_at)
     RETURNING updated_at`,
    [projectId, issueIid, atMs],
  );
  return row !== undefined && Number(row.updated_at) <= atMs;
}
