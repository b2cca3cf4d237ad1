/**
 * Message events as the Events API delivers them (plain replies, bot messages, edits, joins), sent signed to
 * the bot under test, and a way to wait until the bot has counted a reply.
 */
import { randomUUID } from "node:crypto";
import type { FakeSlack } from "../fakes/fake-slack.js";
import type { SlackMessage } from "../fakes/slack-state.js";
import { eventEnvelope, postSignedToBot, type SignedResponse } from "./slack-signing.js";
import type { RunningBot } from "./start-bot.js";

export type ChannelType = "channel" | "group" | "im" | "mpim";

export interface MessageEventInput {
  channel: string;
  ts: string;
  text: string;
  user?: string;
  threadTs?: string;
  parentUserId?: string;
  channelType?: ChannelType;
  subtype?: string;
  botId?: string;
  username?: string;
}

/** A `message` event in the shape Slack sends (a user message with client_msg_id and rich_text blocks). */
export function messageEvent(input: MessageEventInput): Record<string, unknown> {
  const event: Record<string, unknown> = {
    type: "message",
    text: input.text,
    ts: input.ts,
    channel: input.channel,
    event_ts: input.ts,
    channel_type: input.channelType ?? "channel",
  };
  if (input.subtype) event.subtype = input.subtype;
  if (input.user) event.user = input.user;
  if (input.botId) event.bot_id = input.botId;
  if (input.username) event.username = input.username;
  if (input.threadTs) event.thread_ts = input.threadTs;
  if (input.parentUserId) event.parent_user_id = input.parentUserId;
  if (input.user && !input.subtype && !input.botId) {
    event.client_msg_id = randomUUID();
    event.team = "T0001";
    event.blocks = [
      {
        type: "rich_text",
        block_id: "b1",
        elements: [{ type: "rich_text_section", elements: [{ type: "text", text: input.text }] }],
      },
    ];
  }
  return event;
}

/** An edit: Slack's message_changed event, with the edited message inside. */
export function editEvent(input: {
  channel: string;
  user: string;
  ts: string;
  threadTs: string;
  text: string;
  eventTs: string;
}): Record<string, unknown> {
  const message = {
    type: "message",
    user: input.user,
    text: input.text,
    ts: input.ts,
    thread_ts: input.threadTs,
  };
  return {
    type: "message",
    subtype: "message_changed",
    hidden: true,
    channel: input.channel,
    channel_type: "channel",
    ts: input.eventTs,
    event_ts: input.eventTs,
    message: { ...message, edited: { user: input.user, ts: input.eventTs } },
    previous_message: message,
  };
}

export async function sendEvent(bot: RunningBot, event: Record<string, unknown>): Promise<SignedResponse> {
  const body = JSON.stringify(
    eventEnvelope(event, { eventId: `Ev${randomUUID().replace(/-/g, "").slice(0, 10)}` }),
  );
  return postSignedToBot(bot.url, bot.signingSecret, body);
}

/** A thread the tests talk in: replies are stored in the fake Slack (for exports) and sent as events. */
export class ThreadTalk {
  readonly parent: string;

  constructor(
    private readonly slack: FakeSlack,
    private readonly bot: RunningBot,
    readonly channel: string,
    readonly parentUser: string,
    text = "Shall we retry GitLab 429s?",
  ) {
    this.parent = slack.post(channel, { user: parentUser, text });
  }

  /** One reply by `user`; resolves once the bot answered the HTTP request. Returns its ts. */
  async reply(
    user: string,
    text = `a reply by ${user}`,
    channelType: ChannelType = "channel",
  ): Promise<string> {
    this.slack.advance(30);
    const ts = this.slack.post(this.channel, { user, text, thread_ts: this.parent });
    const response = await sendEvent(
      this.bot,
      messageEvent({
        channel: this.channel,
        user,
        text,
        ts,
        threadTs: this.parent,
        parentUserId: this.parentUser,
        channelType,
      }),
    );
    if (response.status !== 200) throw new Error(`bot answered ${response.status}: ${response.text}`);
    return ts;
  }

  /** Replies by each user in turn, then waits until the bot has counted the last one. */
  async replies(...users: string[]): Promise<void> {
    let last = "";
    for (const user of users) last = await this.reply(user);
    await waitUntilCounted(this.bot, last);
  }

  /** Sends any event in this thread (bot message, edit…). */
  async send(event: Record<string, unknown>): Promise<void> {
    const response = await sendEvent(this.bot, event);
    if (response.status !== 200) throw new Error(`bot answered ${response.status}: ${response.text}`);
  }

  /** The bot's messages in this thread. */
  botReplies(): SlackMessage[] {
    return this.slack.postedMessages().filter((m) => m.thread_ts === this.parent);
  }
}

/** Waits for the bot's debug log line that says it counted the reply with that ts. */
export async function waitUntilCounted(bot: RunningBot, ts: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const needle = `"ts":"${ts}"`;
  while (
    !bot
      .output()
      .split("\n")
      .some((line) => line.includes("thread reply observed") && line.includes(needle))
  ) {
    if (Date.now() > deadline) {
      throw new Error(`the bot never counted the reply ${ts}\n${bot.output().slice(-4000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Waits until the thread has `count` bot replies (nudges, export replies). */
export async function waitForBotReplies(
  talk: ThreadTalk,
  count: number,
  bot: RunningBot,
  timeoutMs = 10_000,
) {
  const deadline = Date.now() + timeoutMs;
  while (talk.botReplies().length < count) {
    if (Date.now() > deadline) {
      throw new Error(
        `expected ${count} bot replies, saw ${talk.botReplies().length}\n${bot.output().slice(-4000)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
