import type { SummaryMessage } from "../summarizer.js";
import { cleanMarkdown, LIST_ITEM_MARK } from "./clean-markdown.js";
import { isQuestion } from "./is-question.js";
import { splitSentences } from "./split-sentences.js";
import { hasConfirmingEmoji, isOnlyEmoji, stripEmoji } from "./strip-emoji.js";

export interface PreparedSentence {
  text: string;
  isQuestion: boolean;
  /** The sentence is (part of) a bulleted or numbered list item. */
  inList: boolean;
}

/** One message as the heuristics read it. */
export interface PreparedMessage {
  index: number;
  author: string;
  isBot: boolean;
  /** Milliseconds since the epoch; NaN when the input had no valid date. */
  at: number;
  /** Prose without code, URLs or emoji. */
  text: string;
  mentions: string[];
  sentences: PreparedSentence[];
  onlyEmoji: boolean;
  confirmingEmoji: boolean;
  /** Someone other than the author reacted with ✅, 👍 or the like. */
  agreedByReaction: boolean;
}

/** Longest message text read; beyond this a message is a paste, not discussion, and would cost time. */
const MAX_TEXT_LENGTH = 20_000;

export function prepareMessages(messages: readonly SummaryMessage[]): PreparedMessage[] {
  return messages.map((message, index) => prepareMessage(message, index));
}

function prepareMessage(message: SummaryMessage, index: number): PreparedMessage {
  const raw = (message.text ?? "").slice(0, MAX_TEXT_LENGTH);
  const cleaned = cleanMarkdown(raw, { inlineCode: "keep", markListItems: true });
  // An emoji before a capital letter ends a sentence ("thanks Amit 🙏 In the meantime …").
  const lines = stripEmoji(cleaned.text, "\uE000")
    .replace(/\uE000+(?=\s*\p{Lu})/gu, "\n")
    .replace(/\uE000+/g, " ")
    .split("\n")
    .map((line) => line.replace(/[ \t]+/g, " ").trim())
    .filter((line) => line.replaceAll(LIST_ITEM_MARK, "").trim() !== "");
  const sentences = lines.flatMap((line) => {
    const inList = line.startsWith(LIST_ITEM_MARK);
    return splitSentences(line.replaceAll(LIST_ITEM_MARK, "")).map((sentence) => ({
      text: sentence,
      isQuestion: isQuestion(sentence),
      inList,
    }));
  });
  const text = lines.map((line) => line.replaceAll(LIST_ITEM_MARK, "").trim()).join("\n");
  return {
    index,
    author: (message.author ?? "").trim() || "someone",
    isBot: message.isBot === true,
    at: message.at instanceof Date ? message.at.getTime() : Number.NaN,
    text,
    mentions: cleaned.mentions,
    sentences,
    onlyEmoji: isOnlyEmoji(cleaned.text),
    confirmingEmoji: hasConfirmingEmoji(raw),
    agreedByReaction: (message.reactions ?? []).some((name) => hasConfirmingEmoji(`:${name}:`)),
  };
}
