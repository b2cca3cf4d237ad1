import { isNonAnswer } from "./classify-reply.js";
import { wordCount } from "./cue-patterns.js";
import { keepDistinct } from "./keep-distinct.js";
import type { PreparedMessage } from "./prepare-messages.js";
import type { SentenceClaims } from "./sentence-claims.js";
import { asQuestion } from "./tidy-phrase.js";

/** An answer must come within this many messages after the question … */
const ANSWER_WINDOW = 5;
/** … and within this many hours. */
const ANSWER_HOURS = 48;
/** "Thoughts?" and "Anyone?" are prompts, not questions worth listing. */
const MIN_QUESTION_WORDS = 3;
const MAX_OPEN_QUESTIONS = 15;

/**
 * Questions nobody answered. The rule: a question is answered when, within the next 5 messages and 48
 * hours, someone other than the asker posts a message that is not only questions, not a bump or "same
 * question", and not a change of topic ("btw …"); an emoji-only reply counts when it is a 👍-like one.
 * A question that mentions people waits for one of them. Requests that became action items and
 * proposals that became decisions are not listed.
 */
export function findOpenQuestions(messages: readonly PreparedMessage[], claims: SentenceClaims): string[] {
  const open: string[] = [];
  for (const message of messages) {
    if (message.isBot) continue;
    message.sentences.forEach((sentence, sentenceIndex) => {
      if (!sentence.isQuestion || claims.has(message.index, sentenceIndex)) return;
      if (wordCount(sentence.text) < MIN_QUESTION_WORDS) return;
      const askedOf = message.mentions.filter((name) => sentence.text.includes(`@${name}`));
      if (!isAnswered(messages, message, askedOf)) open.push(asQuestion(sentence.text));
    });
  }
  return keepDistinct(open, { max: MAX_OPEN_QUESTIONS, textOf: (q) => q, threshold: 0.9 });
}

function isAnswered(
  messages: readonly PreparedMessage[],
  question: PreparedMessage,
  askedOf: string[],
): boolean {
  const last = Math.min(messages.length - 1, question.index + ANSWER_WINDOW);
  for (let i = question.index + 1; i <= last; i += 1) {
    const reply = messages[i]!;
    if (reply.at - question.at > ANSWER_HOURS * 3_600_000) return false;
    if (answers(reply, question.author, askedOf)) return true;
  }
  return false;
}

function answers(reply: PreparedMessage, asker: string, askedOf: string[]): boolean {
  if (reply.isBot || reply.author === asker) return false;
  if (askedOf.length > 0 && !askedOf.some((name) => sameName(name, reply.author))) return false;
  if (reply.onlyEmoji) return reply.confirmingEmoji;
  if (isNonAnswer(reply)) return false;
  return reply.sentences.some((sentence) => !sentence.isQuestion);
}

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
