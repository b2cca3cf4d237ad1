/** Turns a Slack thread's messages into redacted GitLab Markdown, once, for both the summary and the body. */
import { mrkdwnToMarkdown } from "../slack/mrkdwn-to-markdown.js";
import { REDACTED, redactSecrets } from "./redact-secrets.js";
import { slackTsToDate } from "./slack-time.js";
import type { MentionLookup, SlackFile, SlackThread, ThreadMessage } from "./thread-types.js";

export interface PreparedMessage {
  ts: string;
  author: string;
  authorId?: string;
  isBot: boolean;
  at: Date;
  edited: boolean;
  /** Converted and redacted, but not yet made safe for GitLab. */
  markdown: string;
  links: string[];
  files: SlackFile[];
  /** Number of secrets replaced in this message. */
  redactions: number;
  /** Emoji names others than the author reacted with (a ✅ on a proposal is agreement). */
  reactionsByOthers?: string[];
}

/**
 * Stands in for a secret found in the raw mrkdwn until the conversion is done: a private-use character
 * pair passes through the converter untouched, where "[redacted]" would come out escaped.
 */
const SECRET_MARK = "\uE010redacted\uE011";

export function prepareMessages(
  thread: SlackThread,
  messages: ThreadMessage[] = thread.messages,
): PreparedMessage[] {
  const lookup: MentionLookup = {
    userName: (id) => thread.people.get(id)?.name,
    channelName: (id) => (id === thread.conversation.id ? thread.conversation.name : undefined),
  };
  return messages.map((message) => {
    // Secrets are found in the raw text first: the conversion escapes Markdown (glpat-a\_b), which would
    // hide any secret with an underscore or asterisk from the patterns. A second pass catches what the
    // conversion reveals (entities, link targets).
    const raw = redactSecrets(message.text, SECRET_MARK);
    const converted = mrkdwnToMarkdown(raw.text, lookup);
    const redacted = redactSecrets(converted.markdown.replaceAll(SECRET_MARK, REDACTED));
    return {
      ts: message.ts,
      author: authorName(thread, message),
      authorId: message.userId,
      isBot: message.isBot,
      at: slackTsToDate(message.ts),
      edited: message.editedTs !== undefined,
      markdown: redacted.text,
      links: converted.links.filter(
        (link) => !link.includes(SECRET_MARK) && redactSecrets(link).redactions === 0,
      ),
      files: message.files,
      redactions: raw.redactions + redacted.redactions,
      reactionsByOthers: (message.reactions ?? [])
        .filter((r) => r.users.some((user) => user !== message.userId))
        .map((r) => r.name),
    };
  });
}

function authorName(thread: SlackThread, message: ThreadMessage): string {
  if (message.userId) return thread.people.get(message.userId)?.name ?? message.userId;
  return message.botName ?? "unknown";
}
