/** Turns a Slack thread's messages into redacted GitLab Markdown, once, for both the summary and the body. */
import { mrkdwnToMarkdown } from "../slack/mrkdwn-to-markdown.js";
import { redactSecrets } from "./redact-secrets.js";
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
}

export function prepareMessages(
  thread: SlackThread,
  messages: ThreadMessage[] = thread.messages,
): PreparedMessage[] {
  const lookup: MentionLookup = {
    userName: (id) => thread.people.get(id)?.name,
    channelName: (id) => (id === thread.conversation.id ? thread.conversation.name : undefined),
  };
  return messages.map((message) => {
    const converted = mrkdwnToMarkdown(message.text, lookup);
    const redacted = redactSecrets(converted.markdown);
    return {
      ts: message.ts,
      author: authorName(thread, message),
      authorId: message.userId,
      isBot: message.isBot,
      at: slackTsToDate(message.ts),
      edited: message.editedTs !== undefined,
      markdown: redacted.text,
      links: converted.links.filter((link) => redactSecrets(link).redactions === 0),
      files: message.files,
      redactions: redacted.redactions,
    };
  });
}

function authorName(thread: SlackThread, message: ThreadMessage): string {
  if (message.userId) return thread.people.get(message.userId)?.name ?? message.userId;
  return message.botName ?? "unknown";
}
