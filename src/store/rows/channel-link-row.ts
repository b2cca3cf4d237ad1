/** channel_links rows → ChannelLink, shared by the SQLite and PostgreSQL stores. */
import type { ChannelLink } from "../store.js";

export interface ChannelLinkRow {
  team_id: string;
  channel_id: string;
  project_path: string;
  project_id: number | string;
  linked_by: string;
  linked_at: number | string;
}

export const CHANNEL_LINK_COLUMNS = "team_id, channel_id, project_path, project_id, linked_by, linked_at";

export function toChannelLink(row: ChannelLinkRow): ChannelLink {
  return {
    teamId: row.team_id,
    channelId: row.channel_id,
    projectPath: row.project_path,
    projectId: Number(row.project_id),
    linkedBy: row.linked_by,
    linkedAt: Number(row.linked_at),
  };
}
