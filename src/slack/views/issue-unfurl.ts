/** The preview Slack shows under a posted link to a GitLab issue. */
import type { types } from "@slack/bolt";
import type { TrackerIssue } from "../../export/ports.js";
import { context, escapeMrkdwn, mrkdwnLink, section, truncate } from "./block-kit.js";

export function issueUnfurlBlocks(issue: TrackerIssue): types.KnownBlock[] {
  const state = issue.state === "opened" ? ":large_green_circle: Open" : ":white_circle: Closed";
  const labels =
    issue.labels.length > 0
      ? issue.labels
          .slice(0, 10)
          .map((l) => `\`${escapeMrkdwn(l.replace(/`/g, "'"))}\``)
          .join(" ")
      : "none";
  const assignees =
    issue.assignees.length > 0 ? escapeMrkdwn(issue.assignees.slice(0, 10).join(", ")) : "nobody";
  return [
    section(`*${mrkdwnLink(issue.webUrl, `${issue.reference}: ${truncate(issue.title, 200)}`)}*`),
    context(`${state} · Labels: ${labels} · Assignees: ${assignees}`),
  ];
}
