import { CLAUSE_START, pattern, WORD_END, WORD_START } from "./cue-patterns.js";

export interface ProposalMatch {
  /** What is proposed, e.g. "roll back to v2.14.3". */
  text: string;
  /** A "should we …?" question: a plain "yes" from someone else settles it. */
  asksYesNo: boolean;
}

interface ProposalCue {
  pattern: RegExp;
  asksYesNo: boolean;
  /** Turns the captured content into the proposal's wording; the content as it is by default. */
  render?(content: string): string;
}

/** "let's …" that is talk about talking, not a proposal. */
const LETS_NOT =
  "see|hope|discuss|talk|chat|think|sync|catch up|not|wait and see|take (?:this|it) (?:offline|async)|go with|go for";

/** "let's not …" that is still talk about talking ("let's not rush this", "let's not get ahead of …"). */
const LETS_NOT_TALK = "rush|panic|worry|get ahead|overthink|bikeshed|forget|go there|argue|fight";

/**
 * "Tuesday 22:00 UTC instead.", "Shared config as an npm package instead?": an alternative put forward.
 * Not a question about someone's ability ("can they ship on the 18th instead?") nor a report ("I used
 * curl instead", "it returned a 500 instead").
 */
const INSTEAD = pattern(
  `^(?!(?:can|could|should|would|will|do|does|did|is|are|was|were|has|have|i|i'm|i've|it|it's|that|this|they|he|she|we|you)${WORD_END})(.+?),?\\s+instead\\s*([.!]*|[?？])$`,
);

/** "I'd …" that gives a feeling or a wish, not a course of action. */
const NOT_A_PROPOSAL =
  "like|love|say|guess|think|rather not|prefer not|be\\b|have\\b|need|want|hate|argue|also like|expect|imagine|assume|bet\\b";

/** Cues that put something up for agreement; it becomes a decision when others confirm it. */
const CUES: ProposalCue[] = [
  {
    pattern: pattern(
      "^(?:proposal|suggestion|idea|plan|recommendation|vorschlag|idee|propuesta|proposition)\\s*[:\\-–—]\\s*(.+)",
    ),
    asksYesNo: false,
  },
  {
    pattern: pattern(
      `${WORD_START}(?:i|we)(?:\\s+would|'d)?\\s+(?:propose|suggest|recommend)\\s+(?:that\\s+)?(?:we\\s+)?(.+)`,
    ),
    asksYesNo: false,
  },
  {
    // "let's not do the monorepo this quarter" proposes not doing it.
    pattern: pattern(`${CLAUSE_START}let'?s\\s+not\\s+(?!${LETS_NOT_TALK})(.+)`),
    asksYesNo: false,
    render: (content) => `don't ${content}`,
  },
  { pattern: pattern(`${CLAUSE_START}let'?s\\s+(?!${LETS_NOT})(.+)`), asksYesNo: false },
  {
    pattern: pattern("^(?:should|shall|shouldn't) we\\s+(?:also\\s+|just\\s+)?(.+)"),
    asksYesNo: true,
  },
  {
    pattern: pattern(
      "^(?:how about|what if we|what if|why don't we|why not|maybe we should|perhaps we should|we should|we could|i'?d\\s+(?:go|vote)\\s+(?:with|for)|i\\s+vote(?:\\s+for)?|i'?d prefer|my vote is(?: for)?)\\s+(.+)",
    ),
    asksYesNo: false,
  },
  // "I'd quarantine the test so main stays green. Objections?"
  {
    pattern: pattern(`${WORD_START}(?<!(?:if|what|as|than)\\s)(?:i'd|i would)\\s+(?!${NOT_A_PROPOSAL})(.+)`),
    asksYesNo: false,
  },
  {
    pattern: pattern(
      `${CLAUSE_START}(?:lass(?:t)?\\s+uns|wie wäre es mit|ich schlage vor,?(?:\\s+dass)?(?:\\s+wir)?)\\s+(.+)`,
    ),
    asksYesNo: false,
  },
  { pattern: pattern("^(?:sollen|sollten|wollen) wir\\s+(.+)"), asksYesNo: true },
  {
    pattern: pattern(
      `${CLAUSE_START}(?:propongo(?:\\s+que)?|sugiero(?:\\s+que)?|hagamos|qué tal si|podríamos)\\s+(.+)`,
    ),
    asksYesNo: false,
  },
  { pattern: pattern("^(?:deberíamos)\\s+(.+)"), asksYesNo: true },
  {
    pattern: pattern(`${CLAUSE_START}(?:je propose(?:\\s+(?:que|de))?|on pourrait|et si on|faisons)\\s+(.+)`),
    asksYesNo: false,
  },
  { pattern: pattern("^(?:on devrait|est-ce qu'on)\\s+(.+)"), asksYesNo: true },
];

/** The proposal a sentence makes ("proposal: …", "let's …", "should we …?"), if any. */
export function matchProposal(sentence: string): ProposalMatch | undefined {
  const text = sentence.replace(/^¿\s*/, "");
  for (const cue of CUES) {
    const match = cue.pattern.exec(text);
    if (match?.[1] !== undefined)
      return { text: cue.render?.(match[1]) ?? match[1], asksYesNo: cue.asksYesNo };
  }
  const instead = INSTEAD.exec(text);
  if (instead !== null) return { text: instead[1]!, asksYesNo: /[?？]/u.test(instead[2]!) };
  return undefined;
}
