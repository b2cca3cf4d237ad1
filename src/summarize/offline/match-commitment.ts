import { CLAUSE_START, pattern, WORD_START, wordCount } from "./cue-patterns.js";

/** Where "I can …" can start: a clause start, or after "and" / "then" / "but" (not "so I can see"). */
const LEAD = `(?:${CLAUSE_START}|\\s(?:and|then|but)\\s+)`;
/** "I'll" anywhere ("Tomorrow I'll write it"), except in a condition or a clause ("if I'll", "what I'll"). */
const ANYWHERE = `${WORD_START}(?<!(?:if|unless|what|whether|when|maybe|wonder if)\\s)`;
/** Verbs after "I'll" / "I can" that describe a state or an opinion, not a task. */
const NOT_A_TASK =
  "be\\b|need|have to|not\\b|never|see\\b|imagine|understand|hear\\b|say\\b|live\\b|only\\b|confirm|reproduce|think|guess|assume|bet\\b|agree|help it|miss|admit|tell you|relate|know\\b";
/** German first-person verbs that give an opinion ("ich denke", "ich glaube"), not a promise. */
const NOT_A_GERMAN_TASK = "denke|glaube|habe|hoffe|finde|meine|sehe|verstehe|weiß|bin|wäre|würde";

/** Each cue captures the task in group 1 (the words after the cue) or group 2 (the verb included). */
const CUES: RegExp[] = [
  pattern(
    `${ANYWHERE}i(?:'ll|\\s+will|'m\\s+going\\s+to|\\s+am\\s+going\\s+to|'m\\s+gonna|'d\\s+be\\s+happy\\s+to|'m\\s+happy\\s+to)\\s+(?:also\\s+|just\\s+|probably\\s+)?(?!${NOT_A_TASK})(.+)`,
  ),
  pattern(`${LEAD}i\\s+can\\s+(?:also\\s+|just\\s+)?(?!${NOT_A_TASK})(.+)`),
  pattern(`${LEAD}let\\s+me\\s+(?!${NOT_A_TASK})(.+)`),
  pattern(
    `${LEAD}ich\\s+(?:(?:kümmere\\s+mich\\s+(?:um\\s+)?|übernehme\\s+|werde\\s+|kann\\s+)(.*)|((?!${NOT_A_GERMAN_TASK})\\p{L}+e\\s+.+))`,
  ),
  pattern(
    `${WORD_START}(?:yo\\s+)?(?:me\\s+encargo(?:\\s+de)?\\s*|me\\s+ocupo(?:\\s+de)?\\s*|voy\\s+a\\s+)(.*)`,
  ),
  pattern(
    `${WORD_START}je\\s+(?:m'occupe(?:\\s+de)?\\s*|m'en\\s+occupe\\s*|vais\\s+|peux\\s+|me\\s+charge(?:\\s+de)?\\s*|prends\\s+)(.*)`,
  ),
];

/** Words that stand for a task named elsewhere ("I'll take it"). */
const PRONOUN = pattern("(?<![\\p{L}])(?:it|that|this|one|them|es|das|darum|lo|eso|ça|le)(?![\\p{L}])");
/**
 * "I'll approve if the index is unique": a promise on a condition is a position in the discussion, not
 * a task; the condition may never hold. Embedded questions ("I'll check if …", "see if") and "even if"
 * are not conditions; "once" / "when" schedule a task rather than make it uncertain.
 */
const CONDITION = pattern(
  "(?:^|\\s)(?<!(?:even|as|see|check|checking|ask|asking|find out|know|wonder|test|verify|confirm|look|tell|figure out|whether)\\s)(?:if|unless|as long as|only if|provided(?: that)?|assuming)\\s",
);
/** The first clause: up to a comma, semicolon, dash, "and", "so" or "because". */
const CLAUSE_END = /[,;–—]|\s(?:and|so|because|since|but)\s/u;

export interface CommitmentMatch {
  /** What the speaker will do, e.g. "write the postmortem doc"; "" for "je m'en occupe". */
  text: string;
  /** The first clause of `text` ("set that up" in "set that up, we have most of it"). */
  clause: string;
  /** "I'll do it" / "I can set that up": the task is one named just before. */
  refersBack: boolean;
  /** "I'll approve if …": `text` is the promise without its condition, not yet a task. */
  conditional?: boolean;
}

/** A promise by the speaker ("I'll …", "I can take …", "ich kümmere mich um …"), if any. */
export function matchCommitment(sentence: string): CommitmentMatch | undefined {
  for (const cue of CUES) {
    const match = cue.exec(sentence);
    if (match === null) continue;
    const text = (match[1] ?? match[2] ?? "").trim();
    const clause = text.split(CLAUSE_END)[0]!.trim();
    const condition = CONDITION.exec(clause);
    const words = wordCount(clause);
    const refersBack = words === 0 || (words <= 3 && PRONOUN.test(clause));
    if (condition === null) return { text, clause, refersBack };
    const offer = clause.slice(0, condition.index).trim();
    return { text: offer, clause: offer, refersBack: false, conditional: true };
  }
  return undefined;
}
