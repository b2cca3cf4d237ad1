/** Posts nudges as thread replies with their Block Kit. */
import type { types } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { NudgeMessage } from "../nudge/nudge-message.js";
import type { NudgePoster } from "../nudge/ports.js";
import { toSlackThreadportError } from "./slack-error.js";

export class SlackNudgePoster implements NudgePoster {
  constructor(private readonly client: WebClient) {}

  async postInThread(channelId: string, threadTs: string, message: NudgeMessage): Promise<void> {
    try {
      await this.client.chat.postMessage({
        channel: channelId,
        thread_ts: threadTs,
        text: message.text,
        // The nudge core builds plain Block Kit JSON; Slack validates it.
        blocks: message.blocks as unknown as types.KnownBlock[],
        unfurl_links: false,
        unfurl_media: false,
      });
    } catch (error) {
      throw toSlackThreadportError(error, "chat.postMessage");
    }
  }
}
