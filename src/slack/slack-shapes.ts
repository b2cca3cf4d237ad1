/** Maps Slack Web API objects to threadport's domain types. */
import type { Conversation, MessageReaction, Person, ThreadMessage } from "../export/thread-types.js";

export interface SlackApiMessage {
  type?: string;
  subtype?: string;
  ts: string;
  thread_ts?: string;
  user?: string;
  bot_id?: string;
  username?: string;
  bot_profile?: { name?: string };
  text?: string;
  edited?: { user?: string; ts?: string };
  files?: { name?: string; title?: string; permalink?: string; url_private?: string }[];
  reactions?: { name?: string; users?: string[]; count?: number }[];
}

interface SlackApiChannel {
  name?: string;
  is_channel?: boolean;
  is_group?: boolean;
  is_im?: boolean;
  is_mpim?: boolean;
  is_private?: boolean;
}

interface SlackApiUser {
  name?: string;
  real_name?: string;
  tz?: string;
  is_bot?: boolean;
  profile?: { display_name?: string; real_name?: string };
}

export function toThreadMessage(message: SlackApiMessage): ThreadMessage {
  const isBot = Boolean(message.bot_id) || message.subtype === "bot_message";
  return {
    ts: message.ts,
    userId: message.user,
    botName: isBot ? (message.bot_profile?.name ?? message.username ?? "bot") : undefined,
    isBot,
    text: message.text ?? "",
    files: (message.files ?? []).map((file) => ({
      name: file.name ?? file.title ?? "file",
      url: file.permalink ?? file.url_private ?? "",
    })),
    editedTs: message.edited?.ts,
    ...(message.reactions?.length ? { reactions: toReactions(message.reactions) } : {}),
  };
}

function toReactions(reactions: NonNullable<SlackApiMessage["reactions"]>): MessageReaction[] {
  return reactions.filter((r) => r.name).map((r) => ({ name: r.name!, users: r.users ?? [] }));
}

/** The message without the reactions a user (threadport itself) added, such as its ✅ after an export. */
export function withoutReactionsBy(message: ThreadMessage, userId: string): ThreadMessage {
  if (!message.reactions) return message;
  const reactions = message.reactions
    .map((r) => ({ name: r.name, users: r.users.filter((u) => u !== userId) }))
    .filter((r) => r.users.length > 0);
  const { reactions: _, ...rest } = message;
  return reactions.length > 0 ? { ...rest, reactions } : rest;
}

export function toConversation(id: string, channel: SlackApiChannel): Conversation {
  if (channel.is_im) return { id, name: "direct message", kind: "im" };
  if (channel.is_mpim) return { id, name: "group direct message", kind: "mpim" };
  const isPrivate = channel.is_private === true || (channel.is_group === true && channel.is_channel !== true);
  return { id, name: channel.name ?? id, kind: isPrivate ? "private_channel" : "public_channel" };
}

export function toPerson(id: string, user: SlackApiUser): Person {
  const name = user.profile?.display_name || user.profile?.real_name || user.real_name || user.name || id;
  return {
    id,
    name,
    realName: user.real_name ?? user.profile?.real_name,
    timeZone: user.tz || undefined,
    isBot: user.is_bot === true,
  };
}
