import { agreementCueLength } from "./classify-reply.js";
import { FIRST_PERSON, pattern, WORD_END, wordCount } from "./cue-patterns.js";
import { matchProposal } from "./match-proposal.js";

/** The agreement must be followed by a separator: "fine by me, ship it", not "fine by me too". */
const SEPARATOR = /^\s*[,:;.!–—-]+\s*/u;
/**
 * What follows an agreement but does not state what is agreed: a promise ("I'll …"), a reservation
 * ("but …", "as long as …"), a feeling ("curious what …") or thanks.
 */
const NOT_A_STATEMENT = pattern(
  `^(?:${FIRST_PERSON}|i've|i'd|my|mache|mach|but|though|although|however|except|unless|if|as long as|only if|provided|assuming|just|curious|interested|wondering|not sure|thanks|thank you|thx|cheers|nice|great|happy|glad|excited|also|too|either|for now|at least|probably|maybe)${WORD_END}`,
);
/** An agreed clause needs some substance: "LGTM, approved" is a confirmation, not a decision. */
const MIN_WORDS = 3;

/**
 * "fine by me, ship it with the flag off": an agreement followed by what is agreed. The clause after
 * the agreement is the decision (a proposal in it is reduced to its content, "let's X" → "X").
 */
export function matchConfirmedStatement(sentence: string): string | undefined {
  const cue = agreementCueLength(sentence);
  if (cue === undefined) return undefined;
  const separator = SEPARATOR.exec(sentence.slice(cue));
  if (separator === null) return undefined;
  const rest = sentence.slice(cue + separator[0].length).trim();
  if (wordCount(rest) < MIN_WORDS || NOT_A_STATEMENT.test(rest) || /[?？]\s*$/u.test(rest)) return undefined;
  // "let's go with X" is no proposal (match-proposal.ts leaves it to the explicit decisions): once agreed,
  // the decision is "go with X".
  return matchProposal(rest)?.text ?? rest.replace(LEADING_LETS, "");
}

const LEADING_LETS = /^let'?s\s+|^let us\s+/i;
