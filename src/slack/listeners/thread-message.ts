/**
 * Every message event passes through here: the hot path. Plain user replies in threads go on to the nudge
 * core; everything else (bots, threadport itself, edits, deletions, joins, top-level messages, DMs unless
 * enabled) is dropped without touching the store or Slack.
 */
import type { ThreadReply } from "../../nudge/thread-state.js";
import type { Log } from "../../util/logger.js";
import type { TakenEvent } from "../take-event.js";

export interface ThreadMessageDeps {
  botUserId: string;
  botId?: string;
  /** Nudge in direct messages and group DMs too. */
  inDirectMessages: boolean;
  onReply(reply: ThreadReply): Promise<unknown>;
  log: Log;
}

/** The fields of a message event this listener reads (Slack's message event has many shapes). */
export interface MessageEventFields {
  subtype?: string;
  channel?: string;
  channel_type?: string;
  user?: string;
  bot_id?: string;
  ts?: string;
  thread_ts?: string;
  parent_user_id?: string;
}

/** Subtypes that are still a person writing in the thread: a reply also sent to the channel, a file shared. */
const PLAIN_SUBTYPES = new Set(["thread_broadcast", "file_share"]);
const DIRECT_MESSAGE_TYPES = new Set(["im", "mpim"]);

export function threadMessageListener(deps: ThreadMessageDeps) {
  return async ({ event, body }: TakenEvent): Promise<void> => {
    const reply = toThreadReply(event as MessageEventFields, body.team_id, deps);
    if (!reply) return;
    try {
      await deps.onReply(reply);
      deps.log.debug(
        { channel: reply.channelId, threadTs: reply.threadTs, ts: reply.ts },
        "thread reply observed",
      );
    } catch (error) {
      // A failed count is not worth a redelivery from Slack: the next reply is counted again.
      deps.log.warn(
        { err: error, channel: reply.channelId, threadTs: reply.threadTs },
        "could not count a reply",
      );
    }
  };
}

/** A plain user reply in a thread, or undefined for anything the nudges ignore. */
export function toThreadReply(
  event: MessageEventFields,
  teamId: string,
  options: Pick<ThreadMessageDeps, "botUserId" | "botId" | "inDirectMessages">,
): ThreadReply | undefined {
  if (event.subtype !== undefined && !PLAIN_SUBTYPES.has(event.subtype)) return undefined;
  const { channel, user, ts, thread_ts: threadTs } = event;
  if (!channel || !user || !ts || !threadTs || threadTs === ts) return undefined;
  if (event.bot_id || user === options.botUserId) return undefined;
  if (!options.inDirectMessages && event.channel_type && DIRECT_MESSAGE_TYPES.has(event.channel_type)) {
    return undefined;
  }
  const reply: ThreadReply = { teamId, channelId: channel, threadTs, ts, userId: user };
  if (event.parent_user_id) reply.parentUserId = event.parent_user_id;
  return reply;
}
