/** `/async status`: the channel's project, its nudge setting and its latest exports. */
import { type Answer, statusAnswer } from "../views/async-answers.js";
import type { CommandContext } from "./command-context.js";

/** How many of the channel's exports the status lists. */
export const STATUS_EXPORTS = 5;

export async function statusCommand(ctx: Pick<CommandContext, "command" | "deps">): Promise<Answer> {
  const { command, deps } = ctx;
  const [link, nudges, exports] = await Promise.all([
    deps.store.getChannelLink(command.team_id, command.channel_id),
    deps.store.getNudgesEnabled(command.team_id, command.channel_id),
    deps.store.listRecentExports(command.team_id, { channelId: command.channel_id, limit: STATUS_EXPORTS }),
  ]);
  return statusAnswer({
    channelId: command.channel_id,
    link,
    defaultProject: deps.defaultProject,
    nudges,
    nudgesOnByDefault: deps.nudgesOnByDefault,
    exports,
    gitlabUrl: deps.gitlabUrl,
  });
}
