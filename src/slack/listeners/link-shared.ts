/** Links to issues of linked projects unfurl with their title, state, labels and assignees. */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { asThreadportError } from "../../errors.js";
import { parseIssueUrl } from "../../links/parse-issue-url.js";
import type { SurfaceDeps } from "../surface-deps.js";
import { issueUnfurlBlocks } from "../views/issue-unfurl.js";

type Args = SlackEventMiddlewareArgs<"link_shared"> & AllMiddlewareArgs;

/** Slack shows at most a few unfurls per message; this bounds the GitLab calls per event too. */
const MAX_UNFURLS = 5;

export function linkSharedListener(deps: SurfaceDeps & { claimEvent(eventId: string): Promise<boolean> }) {
  return async ({ event, body, client }: Args): Promise<void> => {
    const log = deps.log.child({ eventId: body.event_id, channel: event.channel });
    if (!(await deps.claimEvent(body.event_id))) return;
    const links = await deps.store.listChannelLinks(body.team_id);
    const linked = new Set(links.map((l) => l.projectPath.toLowerCase()));
    if (deps.defaultProject) linked.add(deps.defaultProject.toLowerCase());
    const unfurls: Record<string, { blocks: ReturnType<typeof issueUnfurlBlocks> }> = {};
    for (const { url } of event.links.slice(0, MAX_UNFURLS)) {
      const ref = parseIssueUrl(url, deps.gitlabUrl);
      if (!ref || !linked.has(ref.projectPath.toLowerCase())) continue;
      try {
        const issue = await deps.tracker.getIssue(ref.projectPath, ref.iid);
        // A confidential issue's title must not show to everyone in the channel.
        if (!issue.confidential) unfurls[url] = { blocks: issueUnfurlBlocks(issue) };
      } catch (caught) {
        log.info({ code: asThreadportError(caught).code }, "could not read a linked issue to unfurl");
      }
    }
    if (Object.keys(unfurls).length === 0) return;
    try {
      // Links still in the composer have no message yet: Slack identifies them by unfurl_id and source.
      if (event.source === "composer" && event.unfurl_id)
        await client.chat.unfurl({ unfurl_id: event.unfurl_id, source: "composer", unfurls });
      else await client.chat.unfurl({ channel: event.channel, ts: event.message_ts, unfurls });
    } catch (caught) {
      log.warn({ code: asThreadportError(caught).code }, "could not unfurl issue links");
    }
  };
}
