/** `app_mention` events as the Events API delivers them, sent signed to the bot under test. */
import { randomUUID } from "node:crypto";
import { eventEnvelope, postSignedToBot, type SignedResponse } from "./slack-signing.js";
import type { RunningBot } from "./start-bot.js";

export interface AppMentionInput {
  channel: string;
  /** ts of the message that mentions the bot. */
  ts: string;
  text: string;
  user: string;
  /** Set when the mention is a reply in a thread. */
  threadTs?: string;
  /** A bot's message: Slack sets bot_id (and the bot's own user id as user). */
  botId?: string;
}

/** An `app_mention` event in Slack's shape (client_msg_id, team and rich_text blocks for people). */
export function appMentionEvent(input: AppMentionInput): Record<string, unknown> {
  const event: Record<string, unknown> = {
    type: "app_mention",
    user: input.user,
    text: input.text,
    ts: input.ts,
    channel: input.channel,
    event_ts: input.ts,
    team: "T0001",
  };
  if (input.threadTs) event.thread_ts = input.threadTs;
  if (input.botId) {
    event.bot_id = input.botId;
    event.app_id = "A_OTHER";
    event.bot_profile = { id: input.botId, app_id: "A_OTHER", name: "otherbot", deleted: false };
  } else {
    event.client_msg_id = randomUUID();
    event.blocks = [
      {
        type: "rich_text",
        block_id: "m1",
        elements: [{ type: "rich_text_section", elements: [{ type: "text", text: input.text }] }],
      },
    ];
  }
  return event;
}

/** Sends the event signed; `eventId` (default random) lets a test redeliver the same event. */
export async function sendAppMention(
  bot: RunningBot,
  input: AppMentionInput,
  options: { eventId?: string; retryNum?: number } = {},
): Promise<SignedResponse> {
  const body = JSON.stringify(
    eventEnvelope(appMentionEvent(input), { eventId: options.eventId ?? `Ev${randomUUID().slice(0, 12)}` }),
  );
  return postSignedToBot(bot.url, bot.signingSecret, body, { retryNum: options.retryNum });
}
