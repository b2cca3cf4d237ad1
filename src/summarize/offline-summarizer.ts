import { findActionItems } from "./offline/find-action-items.js";
import { findDecisions } from "./offline/find-decisions.js";
import { findOpenQuestions } from "./offline/find-open-questions.js";
import { findTopic } from "./offline/find-topic.js";
import { makeTitle } from "./offline/make-title.js";
import { NameBook } from "./offline/name-book.js";
import { prepareMessages } from "./offline/prepare-messages.js";
import { SentenceClaims } from "./offline/sentence-claims.js";
import { writeSummary } from "./offline/write-summary.js";
import type { Summarizer, SummaryInput, ThreadSummary } from "./summarizer.js";

/**
 * The default summarizer: cue-word heuristics, no network, deterministic (the same input gives the same
 * output), linear in the number of messages. Messages are read oldest first, in the order given.
 */
export class OfflineSummarizer implements Summarizer {
  readonly name = "offline";

  async summarize(input: SummaryInput): Promise<ThreadSummary> {
    const messages = prepareMessages(input.messages);
    const names = new NameBook([
      ...messages.filter((m) => !m.isBot).map((m) => m.author),
      ...messages.flatMap((m) => m.mentions),
    ]);
    // Decisions and action items claim the sentences they use, so questions are not listed twice.
    const claims = new SentenceClaims();
    const topic = findTopic(input.messages);
    const decisions = findDecisions(messages, claims, topic);
    const actionItems = findActionItems(messages, claims, names);
    const openQuestions = findOpenQuestions(messages, claims);
    return {
      title: makeTitle({ topic, decisions, channelName: input.channelName }),
      summary: writeSummary({
        channelName: input.channelName,
        messages,
        topic,
        decisions,
        actionItems,
        openQuestions,
      }),
      decisions,
      actionItems,
      openQuestions,
      summarizer: this.name,
    };
  }
}
