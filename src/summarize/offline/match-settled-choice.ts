import { pattern, WORD_END, wordCount } from "./cue-patterns.js";

/**
 * "Relay it is", "ok, Saturday 02:00 UTC it is then": the choice, then "it is". What comes before must
 * be a thing, not a clause ("whatever it is", "I think it is", "that's how it is").
 */
const IT_IS = pattern("^(.+?)\\s+it\\s+is(?:\\s+then)?\\s*[.!]*$");
const NOT_A_CHOICE = pattern(
  `(?:^(?:i|you|we|they|he|she|it|this|that|there|which|who|what|whatever|how|if|because|as|whether|here|not|is|yes|no)${WORD_END}|(?:^|\\s)(?:what|how|as|where|whatever|than|that|so|because|whether|know|think|guess|see|if)$)`,
);
/** "Go with option B." — an order from someone entitled to give it; "go for it" only agrees. */
const GO_WITH = pattern(
  `^(?:we\\s+)?go\\s+(?:with|for)\\s+(?!it${WORD_END}|that${WORD_END}|this${WORD_END})(.+)`,
);
/** A choice is short: a name, an option or a date, not a story. */
const MAX_CHOICE_WORDS = 12;

/** "Relay it is" alone does not say what Relay is; a choice this short needs the thread's topic. */
const MAX_BARE_WORDS = 2;

export interface SettledChoice {
  text: string;
  /** Too short to read alone ("Relay"): the decision should name what was chosen for. */
  isBare: boolean;
}

/** The choice a sentence settles on ("X it is", "go with X"), worded as a decision, if any. */
export function matchSettledChoice(sentence: string): SettledChoice | undefined {
  const itIs = IT_IS.exec(sentence);
  if (itIs !== null) {
    const choice = itIs[1]!.trim();
    const words = wordCount(choice);
    if (NOT_A_CHOICE.test(choice) || words === 0 || words > MAX_CHOICE_WORDS) return undefined;
    return { text: choice, isBare: words <= MAX_BARE_WORDS };
  }
  const goWith = GO_WITH.exec(sentence);
  return goWith === null ? undefined : { text: `go with ${goWith[1]}`, isBare: false };
}
