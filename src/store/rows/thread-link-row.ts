/**
 * thread_links rows → ThreadLink / RecentExport, shared by the SQLite and PostgreSQL stores. Numbers go
 * through Number because PostgreSQL returns BIGINT columns as strings.
 */
import type { RecentExport, ThreadLink } from "../store.js";

/** The columns of a thread link that are not its key (team, channel, thread). */
export interface ThreadLinkFieldsRow {
  project_path: string;
  project_id: number | string;
  issue_iid: number | string;
  issue_url: string;
  issue_title: string;
  last_exported_ts: string;
}

export interface ThreadLinkRow extends ThreadLinkFieldsRow {
  team_id: string;
  channel_id: string;
  thread_ts: string;
}

export interface RecentExportRow extends ThreadLinkRow {
  updated_at: number | string;
}

export const THREAD_LINK_FIELD_COLUMNS =
  "project_path, project_id, issue_iid, issue_url, issue_title, last_exported_ts";
export const THREAD_LINK_COLUMNS = `team_id, channel_id, thread_ts, project_path, project_id, issue_iid, issue_url,
  issue_title, last_exported_ts`;
export const RECENT_EXPORT_COLUMNS = `${THREAD_LINK_COLUMNS}, updated_at`;

export function toThreadLinkWithKey(
  teamId: string,
  channelId: string,
  threadTs: string,
  row: ThreadLinkFieldsRow,
): ThreadLink {
  return {
    teamId,
    channelId,
    threadTs,
    projectPath: row.project_path,
    projectId: Number(row.project_id),
    issueIid: Number(row.issue_iid),
    issueUrl: row.issue_url,
    issueTitle: row.issue_title,
    lastExportedTs: row.last_exported_ts,
  };
}

export function toThreadLink(row: ThreadLinkRow): ThreadLink {
  return toThreadLinkWithKey(row.team_id, row.channel_id, row.thread_ts, row);
}

export function toRecentExport(row: RecentExportRow): RecentExport {
  return { ...toThreadLink(row), exportedAt: Number(row.updated_at) };
}
