/** The `/async` slash command: one router, one small handler per subcommand; answers only the person. */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { asThreadportError } from "../../errors.js";
import type { CommandContext } from "../commands/command-context.js";
import { replyThrough } from "../commands/command-context.js";
import { exportCommand } from "../commands/export-command.js";
import { linkCommand, unlinkCommand } from "../commands/link-command.js";
import { openIssueModal } from "../commands/open-issue-modal.js";
import { parseAsyncCommand } from "../commands/parse-async-command.js";
import { statusCommand } from "../commands/status-command.js";
import type { SurfaceDeps } from "../surface-deps.js";
import { type Answer, helpAnswer, nudgesAnswer, usageAnswer } from "../views/async-answers.js";
import { updatesAnswer } from "../views/post-back-answers.js";

type Args = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

export function asyncCommandListener(deps: SurfaceDeps) {
  return async ({ command, ack: slackAck, respond, client }: Args): Promise<void> => {
    let acked = false;
    const ack: typeof slackAck = async (response) => {
      acked = true;
      await slackAck(response);
    };
    const parsed = parseAsyncCommand(command.text ?? "");
    const log = deps.log.child({
      command: command.command,
      subcommand: parsed.kind,
      teamId: command.team_id,
    });
    const ctx: CommandContext = { command, client, reply: replyThrough(respond), deps, log };
    const answerNow = (answer: Answer) =>
      ack({ response_type: "ephemeral", text: answer.text, blocks: answer.blocks });
    try {
      switch (parsed.kind) {
        case "help":
          return await answerNow(helpAnswer());
        case "unknown":
          return await answerNow(helpAnswer(parsed.word));
        case "usage":
          return await answerNow(usageAnswer(parsed.usage, parsed.problem));
        case "status":
          return await answerNow(await statusCommand(ctx));
        case "nudges":
          await deps.store.setNudgesEnabled(command.team_id, command.channel_id, parsed.enabled);
          log.info({ enabled: parsed.enabled }, "nudges setting changed");
          return await answerNow(nudgesAnswer(parsed.enabled));
        case "updates":
          await deps.store.savePostBackSettings(command.team_id, command.channel_id, parsed.settings);
          log.info(parsed.settings, "post-back setting changed");
          return await answerNow(updatesAnswer(parsed.settings));
        case "issue":
          await ack();
          return await openIssueModal(ctx, parsed.text);
        case "unlink":
          await ack();
          return await unlinkCommand(ctx);
        case "link":
          // GitLab is asked first, which may take longer than Slack waits: answer through response_url.
          await ack();
          return await linkCommand(ctx, parsed.project);
        case "export":
          await ack();
          return await exportCommand(ctx, parsed.link);
      }
    } catch (caught) {
      const error = asThreadportError(caught);
      log.error({ code: error.code, err: error.cause ?? error }, "/async failed");
      const sorry = { text: ":warning: Something went wrong on my side; please try again.", blocks: [] };
      if (!acked) await answerNow(sorry);
      else await ctx.reply(sorry).catch(() => {});
    }
  };
}
