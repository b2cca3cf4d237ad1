/** Links a Slack channel to the GitLab project its exports go to, after checking the project. */
import type { IssueTracker } from "../export/ports.js";
import type { ChannelLink, Store } from "../store/store.js";
import { checkProject, type ProjectProblem } from "./check-project.js";

export interface LinkChannelInput {
  teamId: string;
  channelId: string;
  userId: string;
  /** Path or id, as parsed from what the person typed or chose. */
  project: string;
}

export interface LinkChannelDeps {
  tracker: Pick<IssueTracker, "checkCanCreateIssues">;
  store: Pick<Store, "getChannelLink" | "saveChannelLink">;
  allowedNamespaces: readonly string[];
  now: () => number;
}

export type LinkOutcome =
  | { ok: true; link: ChannelLink; previous?: ChannelLink }
  | { ok: false; problem: ProjectProblem };

export async function linkChannel(input: LinkChannelInput, deps: LinkChannelDeps): Promise<LinkOutcome> {
  const checked = await checkProject(input.project, deps);
  if (!checked.ok) return checked;
  const previous = await deps.store.getChannelLink(input.teamId, input.channelId);
  const link: ChannelLink = {
    teamId: input.teamId,
    channelId: input.channelId,
    projectPath: checked.project.pathWithNamespace,
    projectId: checked.project.id,
    linkedBy: input.userId,
    linkedAt: deps.now(),
  };
  await deps.store.saveChannelLink(link);
  return previous ? { ok: true, link, previous } : { ok: true, link };
}
