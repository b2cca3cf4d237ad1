/** What every `/async` subcommand receives. */
import type { RespondFn, SlashCommand } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { ConversationKind } from "../../export/thread-types.js";
import type { Log } from "../../util/logger.js";
import type { SurfaceDeps } from "../surface-deps.js";
import type { Answer } from "../views/async-answers.js";

export interface CommandContext {
  command: SlashCommand;
  client: WebClient;
  /** Answers only the person, through the command's response_url. */
  reply(answer: Answer): Promise<void>;
  deps: SurfaceDeps;
  log: Log;
}

export function replyThrough(respond: RespondFn): (answer: Answer) => Promise<void> {
  return async (answer) => {
    await respond({ response_type: "ephemeral", text: answer.text, blocks: answer.blocks });
  };
}

/**
 * The conversation's kind as far as the command payload tells: Slack names DMs "directmessage", legacy
 * private channels "privategroup", group DMs "mpdm-…", and private channel ids may start with G.
 */
export function kindFromCommand(
  command: Pick<SlashCommand, "channel_id" | "channel_name">,
): ConversationKind {
  const name = command.channel_name ?? "";
  if (command.channel_id.startsWith("D") || name === "directmessage") return "im";
  if (name.startsWith("mpdm-")) return "mpim";
  if (command.channel_id.startsWith("G") || name === "privategroup") return "private_channel";
  return "public_channel";
}
