/** SQL for posting GitLab events back to Slack threads (schema version 5). */
import type Database from "better-sqlite3";
import { flag, type PostBackSettingsRow, toSettings } from "./rows/post-back-settings-row.js";
import { THREAD_LINK_COLUMNS, type ThreadLinkRow, toThreadLink } from "./rows/thread-link-row.js";
import type { PostBackSettings, ThreadLink } from "./store.js";

export function listThreadLinksForIssue(
  db: Database.Database,
  projectId: number,
  issueIid: number,
): ThreadLink[] {
  const rows = db
    .prepare<[number, number], ThreadLinkRow>(
      `SELECT ${THREAD_LINK_COLUMNS}
       FROM thread_links WHERE project_id = ? AND issue_iid = ? ORDER BY created_at, channel_id, thread_ts`,
    )
    .all(projectId, issueIid);
  return rows.map(toThreadLink);
}

export function getPostBackSettings(
  db: Database.Database,
  teamId: string,
  channelId: string,
): PostBackSettings {
  const row = db
    .prepare<[string, string], PostBackSettingsRow>(
      "SELECT enabled, confidential_text FROM post_back_settings WHERE team_id = ? AND channel_id = ?",
    )
    .get(teamId, channelId);
  return toSettings(row);
}

export function savePostBackSettings(
  db: Database.Database,
  teamId: string,
  channelId: string,
  settings: PostBackSettings,
  now: number,
): void {
  db.prepare<[string, string, number | null, number | null, number]>(
    `INSERT INTO post_back_settings (team_id, channel_id, enabled, confidential_text, updated_at)
     VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (team_id, channel_id) DO UPDATE SET
       enabled = COALESCE(excluded.enabled, post_back_settings.enabled),
       confidential_text = COALESCE(excluded.confidential_text, post_back_settings.confidential_text),
       updated_at = excluded.updated_at`,
  ).run(teamId, channelId, flag(settings.enabled), flag(settings.confidentialText), now);
}

export function markIssueEvent(
  db: Database.Database,
  projectId: number,
  issueIid: number,
  atMs: number,
): boolean {
  const row = db
    .prepare<[number, number, number], { updated_at: number }>(
      `INSERT INTO issue_event_marks (project_id, issue_iid, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (project_id, issue_iid) DO UPDATE SET
         updated_at = MAX(issue_event_marks.updated_at, excluded.updated_at)
       RETURNING updated_at`,
    )
    .get(projectId, issueIid, atMs);
  return row !== undefined && Number(row.updated_at) <= atMs;
}
