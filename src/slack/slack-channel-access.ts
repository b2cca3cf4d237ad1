/** Answers who may see a conversation: the bot (can it read it?) and a person (are they a member?). */
import type { WebClient } from "@slack/web-api";
import { slackErrorCode, toSlackThreadportError } from "./slack-error.js";

export type BotAccess = { ok: true; name: string } | { ok: false; reason: "not_member" | "not_found" };

export class SlackChannelAccess {
  constructor(private readonly client: WebClient) {}

  /** Whether the bot can read the conversation's messages (it must be a member, even of a public channel). */
  async botAccess(channelId: string): Promise<BotAccess> {
    try {
      const info = await this.client.conversations.info({ channel: channelId });
      const channel = (info.channel ?? {}) as { name?: string; is_member?: boolean; is_im?: boolean };
      // DMs have no is_member; the bot reaches only its own.
      if (channel.is_member === false) return { ok: false, reason: "not_member" };
      return { ok: true, name: channel.name ?? channelId };
    } catch (error) {
      const code = slackErrorCode(error);
      if (code === "channel_not_found") return { ok: false, reason: "not_found" };
      if (code === "not_in_channel") return { ok: false, reason: "not_member" };
      throw toSlackThreadportError(error, "conversations.info");
    }
  }

  /** Whether the user is a member of the conversation; reads every page of members until found. */
  async isMember(channelId: string, userId: string): Promise<boolean> {
    let cursor: string | undefined;
    try {
      do {
        const page = await this.client.conversations.members({ channel: channelId, cursor, limit: 1000 });
        if ((page.members ?? []).includes(userId)) return true;
        cursor = page.response_metadata?.next_cursor || undefined;
      } while (cursor);
      return false;
    } catch (error) {
      if (slackErrorCode(error) === "channel_not_found") return false;
      throw toSlackThreadportError(error, "conversations.members");
    }
  }
}
