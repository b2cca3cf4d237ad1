import { pattern, WORD_END, WORD_START } from "./cue-patterns.js";

/**
 * Past participles that report work as finished ("purge done", "warning is merged", "dinner booked").
 * The words of the work itself are what the rest of the clause says.
 */
const COMPLETED = pattern(
  `${WORD_START}(?:done|finished|completed|merged|pushed|shipped|deployed|released|sent|booked|fixed|published|posted|filed|scheduled|confirmed|resolved|uploaded|erledigt|hecho|listo|fait)${WORD_END}`,
);
/** A clause about work to come, a condition or a denial reports nothing finished ("once it's merged"). */
const NOT_YET = pattern(
  `${WORD_START}(?:will|'ll|going to|gonna|once|when|after|if|unless|until|before|not|n't|yet|never|can|could|should|need|needs|almost|nearly|half|to be|i'll|i will)${WORD_END}|n't${WORD_END}`,
);
/** Clauses: split at commas, semicolons, dashes and "and". */
const CLAUSE_BREAK = /[,;–—]|\s-\s|\sand\s/u;

/**
 * The clauses of a sentence that report work as finished ("Full purge done, the page is fine again" →
 * ["Full purge done"]); empty for a question, a plan or anything else.
 */
export function matchCompletionReports(sentence: string): string[] {
  if (/[?？]\s*$/u.test(sentence)) return [];
  return sentence
    .split(CLAUSE_BREAK)
    .map((clause) => clause.trim())
    .filter((clause) => COMPLETED.test(clause) && !NOT_YET.test(clause));
}

/** The clause without its "done" / "merged" word, so only the words of the work are compared. */
export function withoutCompletionWords(clause: string): string {
  return clause.replace(new RegExp(COMPLETED.source, "giu"), " ");
}
