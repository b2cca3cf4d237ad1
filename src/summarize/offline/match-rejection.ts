import { CLAUSE_START, pattern, WORD_END } from "./cue-patterns.js";

/**
 * Forecasts and reports that look like a refusal but decide nothing ("we won't know until Monday",
 * "we're not going to make it by Friday").
 */
const FORECAST =
  "know|see|be\\b|have|get|make it|make the|hit|finish|manage|hear|find|need|able|ready|sure|there";
/** "We're not doing the ES expansion", "we won't support IE11": a choice stated as a refusal. */
const REFUSAL = pattern(
  `${CLAUSE_START}(we(?:'re|\\s+are)\\s+not\\s+(?:doing|going\\s+(?:to|with)\\s+(?!${FORECAST}))\\s*.+|we\\s+(?:won't|will\\s+not)\\s+(?!${FORECAST}).+)`,
);
/**
 * "Then scrap Saturday", "forget the canary", "cancel the freeze": the speaker withdraws something,
 * usually an earlier decision. The object is what is withdrawn.
 */
const WITHDRAWAL = pattern(
  `^(?:(?:actually|ok(?:ay)?|then|so|in that case)[\\s,]+)*(?:let'?s\\s+)?(?:scrap|scratch|forget(?:\\s+about)?|cancel|undo|drop|call\\s+off)\\s+(?!it${WORD_END}|that${WORD_END}|this${WORD_END}|me${WORD_END})(.+)`,
);

/** The decision a refusal states ("we're not doing X; Y instead"), in the speaker's words. */
export function matchRejection(sentence: string): string | undefined {
  return REFUSAL.exec(sentence)?.[1];
}

/** What a sentence withdraws ("then scrap Saturday" → "Saturday"), if it withdraws something. */
export function matchWithdrawal(sentence: string): string | undefined {
  if (/[?？]\s*$/u.test(sentence)) return undefined;
  return WITHDRAWAL.exec(sentence)?.[1];
}
