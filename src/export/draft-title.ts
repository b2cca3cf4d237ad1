/** The title an export would get, to prefill the "Send thread to GitLab" modal. */
import type { Summarizer } from "../summarize/summarizer.js";
import { prepareMessages } from "./prepare-messages.js";
import type { SlackThread } from "./thread-types.js";

export async function draftTitle(thread: SlackThread, summarizer: Summarizer): Promise<string> {
  const messages = prepareMessages(thread);
  const summary = await summarizer.summarize({
    channelName: thread.conversation.name,
    messages: messages.map((m) => ({
      author: m.author,
      authorId: m.authorId,
      isBot: m.isBot,
      at: m.at,
      text: m.markdown,
    })),
  });
  return summary.title;
}
