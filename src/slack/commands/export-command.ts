/** `/async export <message link>`: exports that thread, for people who may see it, where the bot can read it. */
import { parseMessageLink } from "../parse-message-link.js";
import { exportRefusedAnswer, exportStartedAnswer, usageAnswer } from "../views/async-answers.js";
import type { CommandContext } from "./command-context.js";
import { USAGE } from "./parse-async-command.js";

export async function exportCommand(ctx: CommandContext, typed: string): Promise<void> {
  const { command, deps } = ctx;
  const link = parseMessageLink(typed);
  if (!link) {
    await ctx.reply(
      usageAnswer(USAGE.export, "That is not a Slack message link (message menu ⋮ → *Copy link*)."),
    );
    return;
  }
  const bot = await deps.channelAccess.botAccess(link.channelId);
  if (!bot.ok) {
    const reason =
      bot.reason === "not_member"
        ? `I'm not a member of <#${link.channelId}>, so I can't read it. Invite me with \`/invite @threadport\` there.`
        : "I can't find that conversation, or I'm not in it. Invite me with `/invite @threadport` there.";
    await ctx.reply(exportRefusedAnswer(reason));
    return;
  }
  if (!(await deps.channelAccess.isMember(link.channelId, command.user_id))) {
    await ctx.reply(
      exportRefusedAnswer(`you are not a member of <#${link.channelId}>, so you can't export its threads.`),
    );
    return;
  }
  const channelLink = await deps.store.getChannelLink(command.team_id, link.channelId);
  const target = channelLink?.projectPath ?? deps.defaultProject;
  await ctx.reply(exportStartedAnswer(target ? `\`${target}\`` : "GitLab"));
  ctx.log.info({ channel: link.channelId, ts: link.messageTs }, "export requested with /async export");
  deps.startExport(
    {
      location: {
        teamId: command.team_id,
        channelId: link.channelId,
        messageTs: link.threadTs ?? link.messageTs,
      },
      requestedBy: command.user_id,
      reaction: deps.exportReactions[0] ?? "memo",
      retryHint: "run `/async export` with the link again",
    },
    ctx.log,
  );
}
