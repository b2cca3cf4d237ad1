/** `/async link group/project` and `/async unlink`. */
import { describeProjectProblem } from "../../links/check-project.js";
import { linkChannel } from "../../links/link-channel.js";
import { parseProjectReference } from "../../links/parse-project-reference.js";
import { linkedAnswer, linkRefusedAnswer, unlinkedAnswer, usageAnswer } from "../views/async-answers.js";
import type { CommandContext } from "./command-context.js";
import { USAGE } from "./parse-async-command.js";

export async function linkCommand(ctx: CommandContext, typed: string): Promise<void> {
  const { command, deps } = ctx;
  const project = parseProjectReference(typed, deps.gitlabUrl);
  if (!project) {
    await ctx.reply(
      usageAnswer(
        USAGE.link,
        `\`${typed.replace(/`/g, "'")}\` is not a GitLab project path such as \`acme/web\`.`,
      ),
    );
    return;
  }
  const outcome = await linkChannel(
    { teamId: command.team_id, channelId: command.channel_id, userId: command.user_id, project },
    deps,
  );
  if (!outcome.ok) {
    ctx.log.info({ problem: outcome.problem }, "channel link refused");
    await ctx.reply(
      linkRefusedAnswer(describeProjectProblem(outcome.problem, project, deps.allowedNamespaces)),
    );
    return;
  }
  ctx.log.info({ project: outcome.link.projectPath }, "channel linked");
  await ctx.reply(linkedAnswer(outcome.link, outcome.previous, deps.gitlabUrl));
}

export async function unlinkCommand(ctx: CommandContext): Promise<void> {
  const { command, deps } = ctx;
  const previous = await deps.store.getChannelLink(command.team_id, command.channel_id);
  if (previous) await deps.store.deleteChannelLink(command.team_id, command.channel_id);
  await ctx.reply(unlinkedAnswer(previous, deps.defaultProject));
}
