/**
 * Where an export goes and how it looks, when the person chose (modal, command) rather than reacted. Without a
 * target, an export files a new issue in the channel's project, or appends to the thread's issue.
 */
import { ThreadportError } from "../errors.js";
import type { Store } from "../store/store.js";

export interface ExportTarget {
  /** Project path or id; default: the channel's linked project, then GITLAB_DEFAULT_PROJECT. */
  project?: string;
  /**
   * "new" files a new issue even when the thread was exported before (the thread then points to it);
   * "comment" writes the thread to that issue of the project (only what is new, when it is the thread's issue).
   */
  mode?: { kind: "new" } | { kind: "comment"; issueIid: number };
  /** Replaces the summary's title (made safe for GitLab the same way). */
  title?: string;
  labels?: string[];
  /** Default: confidential for private channels, DMs and group DMs. */
  confidential?: boolean;
  /** Default true; false leaves the conversation out of the issue. */
  includeTranscript?: boolean;
}

export type ProjectSource = "chosen" | "channel" | "default";

export interface ResolvedProject {
  path: string;
  source: ProjectSource;
}

/** The project a new issue goes to: the person's choice, else the channel's link, else the default. */
export async function resolveProject(
  target: ExportTarget | undefined,
  where: { teamId: string; channelId: string },
  store: Pick<Store, "getChannelLink">,
  defaultProject: string | undefined,
): Promise<ResolvedProject> {
  if (target?.project) return { path: target.project, source: "chosen" };
  const link = await store.getChannelLink(where.teamId, where.channelId);
  if (link) return { path: link.projectPath, source: "channel" };
  if (defaultProject) return { path: defaultProject, source: "default" };
  throw new ThreadportError(
    "no_project",
    "The channel has no linked project and there is no default project",
    {
      channel: where.channelId,
    },
  );
}
