/** Reads a whole Slack thread through the Web API: every page, its authors and its permalink. */
import type { WebClient } from "@slack/web-api";
import type { ThreadLocation, ThreadReader } from "../export/ports.js";
import type { Conversation, Person, SlackThread, ThreadMessage } from "../export/thread-types.js";
import type { Store } from "../store/store.js";
import { parseMentionCommand } from "./parse-mention-command.js";
import { toSlackThreadportError } from "./slack-error.js";
import {
  type SlackApiMessage,
  toConversation,
  toPerson,
  toThreadMessage,
  withoutReactionsBy,
} from "./slack-shapes.js";

export interface SlackThreadReaderOptions {
  client: WebClient;
  store: Store;
  /** Messages written by threadport itself are left out of exports. */
  botUserId: string;
  botId?: string;
  /** How long a cached Slack profile is trusted. */
  userCacheMaxAgeMs?: number;
  /** Page size asked of conversations.replies (Slack may return fewer). */
  pageSize?: number;
}

/** Message subtypes that are not part of the conversation. */
const SKIPPED_SUBTYPES = new Set([
  "channel_join",
  "channel_leave",
  "group_join",
  "group_leave",
  "tombstone",
  "message_deleted",
]);
const MENTION = /<@([UW][A-Z0-9_]+)(?:\|[^>]*)?>/g;

export class SlackThreadReader implements ThreadReader {
  constructor(private readonly options: SlackThreadReaderOptions) {}

  async readThread(location: ThreadLocation): Promise<SlackThread> {
    const conversation = await this.readConversation(location.channelId);
    const raw = await this.readAllReplies(location.channelId, location.messageTs);
    const threadTs = raw[0]?.thread_ts ?? raw[0]?.ts ?? location.messageTs;
    const messages = raw
      .filter((m) => this.belongsInExport(m) && (m.ts === threadTs || !this.isExportRequest(m)))
      .map((m) => withoutReactionsBy(toThreadMessage(m), this.options.botUserId));
    const ownReplies = raw.filter((m) => this.isOwn(m)).map((m) => ({ ts: m.ts, text: m.text ?? "" }));
    const people = await this.resolvePeople(location.teamId, messages);
    const permalink = await this.call("chat.getPermalink", () =>
      this.options.client.chat.getPermalink({ channel: location.channelId, message_ts: threadTs }),
    );
    return {
      teamId: location.teamId,
      conversation,
      threadTs,
      permalink: permalink.permalink ?? "",
      messages,
      people,
      ownReplies,
    };
  }

  /**
   * The channel's latest `count` top-level messages, oldest first, shaped as a thread (for `/async issue`).
   * Pages like readThread: Slack may return as few as 15 messages per page.
   */
  async readRecentMessages(
    location: { teamId: string; channelId: string },
    count: number,
  ): Promise<SlackThread> {
    const { channelId } = location;
    const conversation = await this.readConversation(channelId);
    const raw: SlackApiMessage[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.call("conversations.history", () =>
        this.options.client.conversations.history({
          channel: channelId,
          cursor,
          limit: Math.min(count, 200),
        }),
      );
      raw.push(...((page.messages ?? []) as SlackApiMessage[]));
      cursor = page.response_metadata?.next_cursor || undefined;
    } while (cursor && raw.length < count);
    const messages = raw
      .filter((m) => this.belongsInExport(m))
      .slice(0, count)
      .reverse()
      .map(toThreadMessage);
    const people = await this.resolvePeople(location.teamId, messages);
    const newest = messages.at(-1)?.ts;
    const permalink = newest
      ? await this.call("chat.getPermalink", () =>
          this.options.client.chat.getPermalink({ channel: channelId, message_ts: newest }),
        )
      : undefined;
    return {
      teamId: location.teamId,
      conversation,
      threadTs: messages[0]?.ts ?? "0",
      permalink: permalink?.permalink ?? "",
      messages,
      people,
    };
  }

  private async readConversation(channelId: string): Promise<Conversation> {
    const info = await this.call("conversations.info", () =>
      this.options.client.conversations.info({ channel: channelId }),
    );
    return toConversation(channelId, info.channel ?? {});
  }

  private async readAllReplies(channel: string, ts: string): Promise<SlackApiMessage[]> {
    const messages: SlackApiMessage[] = [];
    const seen = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await this.call("conversations.replies", () =>
        this.options.client.conversations.replies({
          channel,
          ts,
          cursor,
          limit: this.options.pageSize ?? 200,
        }),
      );
      for (const message of (page.messages ?? []) as SlackApiMessage[]) {
        // Slack may repeat the thread's parent at the top of every page: keep each ts once.
        if (seen.has(message.ts)) continue;
        seen.add(message.ts);
        messages.push(message);
      }
      cursor = page.response_metadata?.next_cursor || undefined;
    } while (cursor);
    return messages;
  }

  private belongsInExport(message: SlackApiMessage): boolean {
    if (message.subtype && SKIPPED_SUBTYPES.has(message.subtype)) return false;
    return !this.isOwn(message);
  }

  /**
   * "@threadport file this" is an instruction to threadport, not part of the discussion: the issue would
   * only repeat it. A mention that says anything else stays.
   */
  private isExportRequest(message: SlackApiMessage): boolean {
    const { botUserId } = this.options;
    const text = message.text ?? "";
    return text.includes(`<@${botUserId}`) && parseMentionCommand(text, botUserId).kind === "export";
  }

  /** Written by threadport itself (its replies and nudges). */
  private isOwn(message: SlackApiMessage): boolean {
    const { botUserId, botId } = this.options;
    return message.user === botUserId || (!!botId && message.bot_id === botId);
  }

  private async resolvePeople(teamId: string, messages: ThreadMessage[]): Promise<Map<string, Person>> {
    const ids = new Set<string>();
    for (const message of messages) {
      if (message.userId) ids.add(message.userId);
      for (const match of message.text.matchAll(MENTION)) ids.add(match[1]!);
    }
    const people = new Map<string, Person>();
    for (const id of ids) people.set(id, await this.resolvePerson(teamId, id));
    return people;
  }

  private async resolvePerson(teamId: string, userId: string): Promise<Person> {
    const { store, client, userCacheMaxAgeMs = 24 * 3600_000 } = this.options;
    const cached = await store.getCachedUser(teamId, userId, userCacheMaxAgeMs);
    if (cached) return cached;
    try {
      const result = await client.users.info({ user: userId });
      const person = toPerson(userId, result.user ?? {});
      await store.saveUser(teamId, person);
      return person;
    } catch (error) {
      const mapped = toSlackThreadportError(error, "users.info");
      // A deleted or foreign user must not stop the export: show the id instead of a name.
      if (mapped.details.slackError === "user_not_found") return { id: userId, name: userId, isBot: false };
      throw mapped;
    }
  }

  private async call<T>(method: string, request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw toSlackThreadportError(error, method);
    }
  }
}
