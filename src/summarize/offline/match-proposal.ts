import { CLAUSE_START, pattern, WORD_START } from "./cue-patterns.js";

export interface ProposalMatch {
  /** What is proposed, e.g. "roll back to v2.14.3". */
  text: string;
  /** A "should we …?" question: a plain "yes" from someone else settles it. */
  asksYesNo: boolean;
}

interface ProposalCue {
  pattern: RegExp;
  asksYesNo: boolean;
}

/** "let's …" that is talk about talking, not a proposal. */
const LETS_NOT =
  "see|hope|discuss|talk|chat|think|sync|catch up|not|wait and see|take (?:this|it) (?:offline|async)|go with|go for";

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
    if (match?.[1] !== undefined) return { text: match[1], asksYesNo: cue.asksYesNo };
  }
  return undefined;
}
