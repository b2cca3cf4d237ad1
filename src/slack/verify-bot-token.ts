import type { WebClient } from "@slack/web-api";
import { ThreadportError } from "../errors.js";
import { toSlackThreadportError } from "./slack-error.js";

export interface BotIdentity {
  teamId: string;
  botUserId: string;
  botId?: string;
}

/** Checks the bot token once at start-up, so a wrong token fails loudly instead of on the first export. */
export async function verifyBotToken(client: WebClient): Promise<BotIdentity> {
  try {
    const result = await client.auth.test();
    if (!result.user_id) throw new ThreadportError("slack_invalid_auth", "auth.test returned no bot user");
    return { teamId: result.team_id ?? "", botUserId: result.user_id, botId: result.bot_id };
  } catch (error) {
    throw toSlackThreadportError(error, "auth.test");
  }
}
