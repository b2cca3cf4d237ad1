import { pattern, WORD_END, wordCount } from "./cue-patterns.js";

/** Question words that start a question even without "?" when a verb follows ("how do we …"); not "which", which also starts clauses. */
const WH =
  "who|whom|whose|what|when|where|why|how|wer|wann|warum|wieso|weshalb|wie|welche[rsnm]?|qué|quién|quiénes|cuándo|dónde|cómo|cuál|cuáles|pourquoi|comment|quand|quel|quelle|quels|quelles";
const AUX =
  "do|does|did|is|are|was|were|can|could|should|would|will|has|have|shall|may|soll|sollen|kann|können|ist|sind|hat|haben|es|son|puede|podemos|est|sont|peut|peux|faut";
/** Subjects after an inverted verb; "do the …" is an order, so "do" needs a pronoun. */
const PRONOUN =
  "we|i|you|they|he|she|it|this|that|there|anyone|anybody|someone|somebody|everyone|wir|ich|du|ihr|man|jemand";
const SUBJECT = `${PRONOUN}|these|those|the|our|your|their|my`;
const WH_QUESTION = pattern(`^(?:${WH})(?:'s|'re|\\s+(?:${AUX})|\\s+\\p{L}+\\s+(?:${PRONOUN}))${WORD_END}`);
const YES_NO_QUESTION = pattern(
  `^(?:(?:should|shall|can|could|would|will|is|are|was|were|has|have|may|must|shouldn't|can't|won't|isn't|aren't|haven't|hasn't)\\s+(?:${SUBJECT})|(?:do|does|did|don't|doesn't|didn't|est-ce)\\s+(?:${PRONOUN}))${WORD_END}`,
);
const ENDS_WITH_QUESTION_MARK = /[?？]["')\]]*$/u;

/** True for a sentence that asks something: it ends with "?" or opens like a question. */
export function isQuestion(sentence: string): boolean {
  const text = sentence.trim();
  if (ENDS_WITH_QUESTION_MARK.test(text) || text.startsWith("¿")) return true;
  if (wordCount(text) < 3) return false;
  return WH_QUESTION.test(text) || YES_NO_QUESTION.test(text);
}
