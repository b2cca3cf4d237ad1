/** SQL for posting GitLab events back to Slack threads (schema version 5). */
import type Database from "better-sqlite3";
import type { PostBackSettings, ThreadLink } from "./store.js";

interface ThreadLinkRow {
  team_id: string;
  channel_id: string;
  thread_ts: string;
  project_path: string;
  project_id: number;
  issue_iid: number;
  issue_url: string;
  issue_title: string;
  last_exported_ts: string;
}

interface SettingsRow {
  enabled: number | null;
  confidential_text: number | null;
}

export function listThreadLinksForIssue(
  db: Database.Database,
  projectId: number,
  issueIid: number,
): ThreadLink[] {
  const rows = db
    .prepare<[number, number], ThreadLinkRow>(
      `SELECT team_id, channel_id, thread_ts, project_path, project_id, issue_iid, issue_url, issue_title,
         last_exported_ts
       FROM thread_links WHERE project_id = ? AND issue_iid = ? ORDER BY created_at, channel_id, thread_ts`,
    )
    .all(projectId, issueIid);
  return rows.map((row) => ({
    teamId: row.team_id,
    channelId: row.channel_id,
    threadTs: row.thread_ts,
    projectPath: row.project_path,
    projectId: row.project_id,
    issueIid: row.issue_iid,
    issueUrl: row.issue_url,
    issueTitle: row.issue_title,
    lastExportedTs: row.last_exported_ts,
  }));
}

export function getPostBackSettings(
  db: Database.Database,
  teamId: string,
  channelId: string,
): PostBackSettings {
  const row = db
    .prepare<[string, string], SettingsRow>(
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

export function toSettings(row: SettingsRow | undefined): PostBackSettings {
  const settings: PostBackSettings = {};
  if (row?.enabled !== null && row?.enabled !== undefined) settings.enabled = row.enabled === 1;
  if (row?.confidential_text !== null && row?.confidential_text !== undefined) {
    settings.confidentialText = row.confidential_text === 1;
  }
  return settings;
}

export function flag(value: boolean | undefined): number | null {
  return value === undefined ? null : value ? 1 : 0;
}
