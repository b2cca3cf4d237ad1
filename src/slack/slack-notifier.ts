/** Writes back to Slack: thread replies, reactions and messages only one person sees. */
import type { WebClient } from "@slack/web-api";
import type { ThreadNotifier } from "../export/ports.js";
import { slackErrorCode, toSlackThreadportError } from "./slack-error.js";
import { linkProjectPrompt } from "./views/link-project-prompt.js";

export class SlackNotifier implements ThreadNotifier {
  constructor(private readonly client: WebClient) {}

  async replyInThread(channelId: string, threadTs: string, text: string): Promise<void> {
    try {
      await this.client.chat.postMessage({
        channel: channelId,
        thread_ts: threadTs,
        text,
        unfurl_links: false,
      });
    } catch (error) {
      throw toSlackThreadportError(error, "chat.postMessage");
    }
  }

  async addReaction(channelId: string, messageTs: string, name: string): Promise<void> {
    try {
      await this.client.reactions.add({ channel: channelId, timestamp: messageTs, name });
    } catch (error) {
      if (slackErrorCode(error) === "already_reacted") return;
      throw toSlackThreadportError(error, "reactions.add");
    }
  }

  async tellUser(
    channelId: string,
    userId: string,
    threadTs: string | undefined,
    text: string,
  ): Promise<void> {
    try {
      await this.client.chat.postEphemeral({ channel: channelId, user: userId, thread_ts: threadTs, text });
    } catch {
      // Ephemeral messages fail where the bot cannot post (not in the channel, channel gone): the app's own
      // direct-message tab still reaches the person.
      try {
        await this.client.chat.postMessage({ channel: userId, text });
      } catch (error) {
        throw toSlackThreadportError(error, "chat.postMessage");
      }
    }
  }

  async askToLinkProject(
    channelId: string,
    userId: string,
    threadTs: string | undefined,
    text: string,
    messageTs?: string,
  ): Promise<void> {
    const blocks = linkProjectPrompt(text, { c: channelId, ...(messageTs ? { m: messageTs } : {}) });
    try {
      await this.client.chat.postEphemeral({
        channel: channelId,
        user: userId,
        thread_ts: threadTs,
        text,
        blocks,
      });
    } catch {
      // As in tellUser: the app's direct-message tab reaches the person where the channel does not.
      try {
        await this.client.chat.postMessage({ channel: userId, text, blocks });
      } catch (error) {
        throw toSlackThreadportError(error, "chat.postMessage");
      }
    }
  }
}
