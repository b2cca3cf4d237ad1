/** The App Home tab: linked channels, the latest exports, and how to use threadport. */
import type { types } from "@slack/bolt";
import type { ChannelLink, RecentExport } from "../../store/store.js";
import {
  context,
  divider,
  escapeMrkdwn,
  fitLines,
  header,
  mrkdwnLink,
  section,
  truncate,
} from "./block-kit.js";

export interface AppHomeInput {
  links: ChannelLink[];
  exports: RecentExport[];
  defaultProject?: string;
  /** GitLab base URL, for links to projects. */
  gitlabUrl: string;
  /** Emoji names that export a thread. */
  reactions: string[];
}

/** Slack formats the date in each reader's own time zone; the fallback is UTC. */
export function slackDate(epochMs: number): string {
  const seconds = Math.floor(epochMs / 1000);
  const fallback = `${new Date(seconds * 1000).toISOString().slice(0, 16).replace("T", " ")} UTC`;
  return `<!date^${seconds}^{date_short_pretty} {time}|${fallback}>`;
}

export function appHomeView(input: AppHomeInput): types.HomeView {
  const emoji = input.reactions.map((r) => `:${r}:`).join(" or ");
  const how = [
    "*How to use it*",
    `• React with ${emoji} to any message of a thread: the whole thread becomes a GitLab issue, with a summary, the decisions and the action items. React again later to add only what is new.`,
    "• Message menu (⋮) → *Send thread to GitLab*: choose the project, a new issue or a comment on an existing one, the title, labels and confidentiality.",
    "• `/async issue [title]` opens an issue from a channel; `/async link group/project` links a channel to its project; `/async status` and `/async help` tell you more.",
  ].join("\n");
  const projectUrl = (path: string) => `${input.gitlabUrl}/${path}`;
  const links = input.links.map(
    (l) => `• <#${l.channelId}> → ${mrkdwnLink(projectUrl(l.projectPath), l.projectPath)}`,
  );
  const exports = input.exports.map((e) => {
    const ref = mrkdwnLink(e.issueUrl, `${e.projectPath}#${e.issueIid}`);
    return `• ${ref} ${escapeMrkdwn(truncate(e.issueTitle, 120))} — <#${e.channelId}>, ${slackDate(e.exportedAt)}`;
  });
  const fallback = input.defaultProject
    ? `Channels without a link export to ${mrkdwnLink(projectUrl(input.defaultProject), input.defaultProject)}.`
    : "Channels without a link ask to be linked before their first export.";
  return {
    type: "home",
    blocks: [
      header("threadport"),
      section(
        "*If it's not in an issue, it doesn't exist.* I move Slack threads into GitLab issues that someone who was not there can read a year from now.",
      ),
      section(how),
      divider(),
      header("Linked channels"),
      section(
        links.length > 0
          ? fitLines(links)
          : "No channel is linked yet. In a channel, type `/async link group/project`.",
      ),
      context(fallback),
      divider(),
      header("Last exports"),
      section(exports.length > 0 ? fitLines(exports) : "Nothing exported yet."),
    ],
  };
}
