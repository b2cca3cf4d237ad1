/** `/async issue [title]`: opens the new-issue modal, the title (and any further lines) prefilled. */
import { asThreadportError } from "../../errors.js";
import { projectChoice } from "../views/form-inputs.js";
import { newIssueModal } from "../views/new-issue-modal.js";
import { type CommandContext, kindFromCommand } from "./command-context.js";

export async function openIssueModal(ctx: CommandContext, text: string): Promise<void> {
  const { command, deps } = ctx;
  const [firstLine = "", ...more] = text.split("\n");
  const link = await deps.store.getChannelLink(command.team_id, command.channel_id);
  const path = link?.projectPath ?? deps.defaultProject;
  const project = path ? projectChoice(path, link?.projectId) : undefined;
  const kind = kindFromCommand(command);
  const view = newIssueModal({
    meta: { t: command.team_id, c: command.channel_id, k: kind, ...(project ? { p: project.value } : {}) },
    channelName: command.channel_name,
    project,
    title: firstLine.trim(),
    description: more.join("\n").trim(),
    confidential: kind !== "public_channel",
  });
  try {
    await ctx.client.views.open({ trigger_id: command.trigger_id, view });
  } catch (caught) {
    const error = asThreadportError(caught);
    ctx.log.warn({ code: error.code, err: error.cause ?? error }, "could not open the new-issue modal");
    await ctx.reply({
      text: ":warning: Slack did not let me open the form in time. Please run the command again.",
      blocks: [],
    });
  }
}
