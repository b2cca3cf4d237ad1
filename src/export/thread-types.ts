/** The domain model of a Slack thread, independent of Slack's wire format. */

export interface SlackFile {
  name: string;
  /** Slack permalink of the file (needs a Slack login to open). */
  url: string;
}

export interface ThreadMessage {
  /** Slack message timestamp, e.g. "1700000000.000100"; unique within a channel. */
  ts: string;
  /** Author's Slack user id; absent for some bot messages. */
  userId?: string;
  /** Name shown for bot messages (username or bot_profile.name). */
  botName?: string;
  isBot: boolean;
  /** Raw Slack mrkdwn, entities still escaped (&amp; &lt; &gt;). */
  text: string;
  files: SlackFile[];
  /** Set when the message was edited. */
  editedTs?: string;
  /** Emoji reactions on the message (names without colons), threadport's own left out. */
  reactions?: MessageReaction[];
}

export interface MessageReaction {
  name: string;
  /** Slack user ids of who reacted (Slack may list fewer than reacted). */
  users: string[];
}

export interface Person {
  id: string;
  /** Display name, falling back to real name, then the user id. */
  name: string;
  realName?: string;
  /** IANA zone from the Slack profile (e.g. "Europe/Berlin"); absent when unknown. */
  timeZone?: string;
  isBot: boolean;
}

export type ConversationKind = "public_channel" | "private_channel" | "im" | "mpim";

export interface Conversation {
  id: string;
  /** Channel name without '#'; for DMs a description such as "direct message". */
  name: string;
  kind: ConversationKind;
}

/** A whole thread as read from Slack, with everything needed to render it. */
export interface SlackThread {
  teamId: string;
  conversation: Conversation;
  /** ts of the thread's parent message. */
  threadTs: string;
  permalink: string;
  /** Every message of the thread, oldest first, the parent included. */
  messages: ThreadMessage[];
  /** Authors and mentioned users, by Slack user id. */
  people: Map<string, Person>;
  /** threadport's own replies in the thread, oldest first (left out of `messages`): what it already said. */
  ownReplies?: { ts: string; text: string }[];
}

/** Resolves Slack ids found inside message text to readable names. */
export interface MentionLookup {
  userName(userId: string): string | undefined;
  channelName(channelId: string): string | undefined;
}
